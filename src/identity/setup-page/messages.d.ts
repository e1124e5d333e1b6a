export declare const messages: Record<'en' | 'fr', Record<string, string>>;
