import { useI18n } from '../../i18n/index.js';

/** A duration in words: under a minute, minutes under two hours, hours under three days, then days. */
export function useDuration() {
  const { t } = useI18n();
  return (milliseconds: number): string => {
    const minutes = Math.round(Math.abs(milliseconds) / 60_000);
    if (minutes < 1) return t('takedowns.less-than-minute');
    if (minutes < 120) return t('takedowns.minutes', { count: minutes });
    const hours = Math.round(minutes / 60);
    if (hours < 72) return t('takedowns.hours', { count: hours });
    return t('takedowns.days', { count: Math.round(hours / 24) });
  };
}
