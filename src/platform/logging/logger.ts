import pino, { type Logger } from 'pino';

/**
 * Logs carry request ids, routes and statuses, never bodies, cookies or personal data; the
 * redaction below is a second line of defence should a caller pass such an object anyway.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'vigie' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          'headers.cookie',
          // Plugins (multipart, at trace level) log the request under names of their own.
          '*.headers.authorization',
          '*.headers.cookie',
          '*.*.headers.authorization',
          '*.*.headers.cookie',
          '*.password',
          '*.email',
          '*.name',
          '*.token',
          '*.secret',
          '*.body',
          'body',
          'data',
        ],
        censor: '[redacted]',
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

export type { Logger };
