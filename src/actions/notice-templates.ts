import { renderTemplate, type MailTemplate } from '../platform/mail/index.js';

/**
 * Notices to hosts: what a hotline sends a network's abuse contact about reported URLs.
 * Kept as data here; issue 7 makes them editable per deployment. Every placeholder:
 * `urls` (a list), `reference`, `deploymentName`, `deploymentContact`, `legalBasis`.
 */
export const noticeLanguages = ['fr', 'en'] as const;
export type NoticeLanguage = (typeof noticeLanguages)[number];

export const noticeTemplates: Readonly<Record<NoticeLanguage, MailTemplate>> = {
  fr: {
    subject: 'Contenus pédocriminels hébergés sur votre réseau – réf. {{reference}}',
    text: `Bonjour,

{{deploymentName}} a qualifié de contenus d'abus sexuels sur mineurs ce qui est hébergé sur votre réseau aux adresses suivantes :

{{urls}}

Nous vous demandons de les retirer sans délai et de tenir les données qui s'y rattachent (journaux, données de compte et de paiement) à la disposition des autorités compétentes. Merci de ne pas transmettre ce signalement au titulaire du compte : une enquête peut être en cours.

Fondement juridique : {{legalBasis}}

Nous vérifions si ces contenus restent accessibles et vous adresserons de nouveau ce signalement tant qu'ils le seront.

Référence : {{reference}}
Pour nous répondre, répondez à ce message ou écrivez à {{deploymentContact}} en rappelant la référence.

N'ouvrez ces adresses que pour retirer les contenus : les consulter ou les télécharger peut constituer une infraction.

{{deploymentName}}
`,
    html: `<p>Bonjour,</p>
<p>{{deploymentName}} a qualifié de contenus d'abus sexuels sur mineurs ce qui est hébergé sur votre réseau aux adresses suivantes :</p>
<p style="font-family: monospace">{{urls}}</p>
<p>Nous vous demandons de les retirer sans délai et de tenir les données qui s'y rattachent (journaux, données de compte et de paiement) à la disposition des autorités compétentes. Merci de ne pas transmettre ce signalement au titulaire du compte : une enquête peut être en cours.</p>
<p>Fondement juridique : {{legalBasis}}</p>
<p>Nous vérifions si ces contenus restent accessibles et vous adresserons de nouveau ce signalement tant qu'ils le seront.</p>
<p>Référence : <strong>{{reference}}</strong><br>
Pour nous répondre, répondez à ce message ou écrivez à {{deploymentContact}} en rappelant la référence.</p>
<p><em>N'ouvrez ces adresses que pour retirer les contenus : les consulter ou les télécharger peut constituer une infraction.</em></p>
<p>{{deploymentName}}</p>
`,
  },
  en: {
    subject: 'Child sexual abuse material hosted on your network – ref. {{reference}}',
    text: `Hello,

{{deploymentName}} has assessed what is hosted on your network at the following addresses as child sexual abuse material:

{{urls}}

Please remove it without delay and keep the related data (logs, account and payment details) available to the competent authorities. Please do not forward this notice to the account holder: an investigation may be under way.

Legal basis: {{legalBasis}}

We check whether this content is still online and will send this notice again for as long as it is.

Reference: {{reference}}
To reply, answer this message or write to {{deploymentContact}}, quoting the reference.

Do not open these addresses except to remove the content: viewing or downloading it may be an offence.

{{deploymentName}}
`,
    html: `<p>Hello,</p>
<p>{{deploymentName}} has assessed what is hosted on your network at the following addresses as child sexual abuse material:</p>
<p style="font-family: monospace">{{urls}}</p>
<p>Please remove it without delay and keep the related data (logs, account and payment details) available to the competent authorities. Please do not forward this notice to the account holder: an investigation may be under way.</p>
<p>Legal basis: {{legalBasis}}</p>
<p>We check whether this content is still online and will send this notice again for as long as it is.</p>
<p>Reference: <strong>{{reference}}</strong><br>
To reply, answer this message or write to {{deploymentContact}}, quoting the reference.</p>
<p><em>Do not open these addresses except to remove the content: viewing or downloading it may be an offence.</em></p>
<p>{{deploymentName}}</p>
`,
  },
};

/** Who sends notices, from the deployment's settings (VIGIE_DEPLOYMENT_NAME, VIGIE_DEPLOYMENT_CONTACT, VIGIE_NOTICE_LEGAL_BASIS). */
export interface NoticeSender {
  deploymentName: string;
  deploymentContact: string;
  legalBasis: Readonly<Record<NoticeLanguage, string>>;
}

export interface NoticeContent {
  urls: readonly string[];
  reference: string;
  /** Message-IDs of the earlier notices about the same URLs: a re-sent notice joins their thread. */
  references?: readonly string[];
}

/** Subject, text and HTML bodies and header fields of one notice, ready for `MailOutbox.queue` with its recipients. */
export function renderNotice(language: NoticeLanguage, sender: NoticeSender, content: NoticeContent) {
  const rendered = renderTemplate(noticeTemplates[language], {
    urls: content.urls,
    reference: content.reference,
    deploymentName: sender.deploymentName,
    deploymentContact: sender.deploymentContact,
    legalBasis: sender.legalBasis[language],
  });
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated', 'X-Vigie-Reference': content.reference };
  if (content.references && content.references.length > 0) headers.References = content.references.join(' ');
  return { ...rendered, headers };
}
