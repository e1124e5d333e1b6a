import { noticeLanguages, type NoticeLanguage } from './notice-templates.js';

/** How notices are re-sent and removal is looked at, from VIGIE_NOTICE_INTERVAL, VIGIE_REMOVAL_CHECK_INTERVAL, VIGIE_NOTICE_LANGUAGES. */
export interface TakedownSettings {
  /** A notice is sent again this long after the previous attempt, until removal or a stop. */
  noticeIntervalMs: number;
  /** The URLs of an open notice are checked again this long after their last check (and before every re-send). */
  removalCheckIntervalMs: number;
  /** The languages each notice is written in, in this order, in one message. */
  languages: readonly NoticeLanguage[];
}

const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `90s`, `30m`, `24h`, `7d` in milliseconds; throws on anything else (the configuration's pattern refuses it first). */
export function parseDuration(text: string): number {
  const match = /^([1-9][0-9]{0,6})(s|m|h|d)$/.exec(text);
  if (!match) throw new Error(`Not a duration: ${JSON.stringify(text)} (a number followed by s, m, h or d)`);
  return Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
}

export function parseNoticeLanguages(text: string): NoticeLanguage[] {
  const languages = text.split(',').map((part) => part.trim());
  const known = new Set<string>(noticeLanguages);
  if (languages.length === 0 || languages.some((language) => !known.has(language)) || new Set(languages).size !== languages.length) {
    throw new Error(`Not a list of notice languages: ${JSON.stringify(text)} (fr, en, or both separated by a comma)`);
  }
  return languages as NoticeLanguage[];
}

export function takedownSettingsFrom(config: {
  noticeInterval: string;
  removalCheckInterval: string;
  noticeLanguages: string;
}): TakedownSettings {
  return {
    noticeIntervalMs: parseDuration(config.noticeInterval),
    removalCheckIntervalMs: parseDuration(config.removalCheckInterval),
    languages: parseNoticeLanguages(config.noticeLanguages),
  };
}
