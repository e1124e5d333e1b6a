import { sealedColumn } from '../crypto/index.js';

/** The job that sends one queued message. */
export const sendMailJob = 'mail.send';
export interface SendMailData {
  mailId: string;
}

/** The sealed message (recipients, subject, bodies, headers), for `vigie keys rotate`. */
export const mailSealedColumns = [sealedColumn({ table: 'mail_outbox', column: 'message_sealed' })] as const;

export const sealContextOf = (id: string) => `mail_outbox.message_sealed:${id}`;
