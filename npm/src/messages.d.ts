// Types of `payref/messages` (messages.mjs): shopper-facing text for the core's reasons.
//   import { loadMessages } from 'payref/messages';
//   const fr = await loadMessages('fr-CA');
//   fr.message('card.luhn_failed');  // 'Ce numéro de carte n’est pas valide : vérifiez les chiffres.'

/** A locale there are sentences for. */
export type MessageLocale = 'en-CA' | 'fr-CA';

/** The sentences of one locale. */
export interface Messages {
  /** The locale chosen by loadMessages (see resolveMessageLocale). */
  readonly locale: MessageLocale;
  /**
   * The sentence for a reason such as "card.luhn_failed". A reason the table does not know gets
   * its family's sentence ("card.*": "Check the card number."), then a generic one; never
   * undefined. `null`, `undefined` and `''` (a valid value) give `''`.
   */
  message(reason: string | null | undefined): string;
  /** Whether the table has a sentence of its own for this reason. */
  has(reason: string): boolean;
  /** Every reason the table has a sentence for. */
  reasons(): string[];
}

/** The locales there are sentences for; the first ('en-CA') is the fallback. */
export declare const messageLocales: readonly MessageLocale[];
/**
 * The supported locale for a BCP 47 tag or a preference list such as `navigator.languages`:
 * exact match, else same language ('fr-FR' → 'fr-CA'), else the next tag; 'en-CA' otherwise.
 */
export declare function resolveMessageLocale(locale?: string | readonly string[] | null): MessageLocale;
/** Loads one locale's sentences (a small module fetched on request, cached). */
export declare function loadMessages(locale?: string | readonly string[] | null): Promise<Messages>;
export default loadMessages;
