// Compiled (not run) by js/test/types.test.mjs: the types of `payref/messages`.
import loadDefault, { loadMessages, messageLocales, resolveMessageLocale, type MessageLocale, type Messages } from 'payref/messages';
import createPayref, { type Messages as MessagesFromRoot } from 'payref';

async function show(input: string): Promise<string> {
  const payref = await createPayref();
  const fr: Messages = await loadMessages(navigator.languages);
  const same: MessagesFromRoot = await loadDefault('fr-CA');
  const locale: MessageLocale = resolveMessageLocale('fr');
  const text: string = fr.message(payref.card.validateNumber(input).reason);
  // @ts-expect-error the locale is one of the supported ones, not any string
  const wrong: MessageLocale = 'de-DE';
  // @ts-expect-error the table of a loaded locale cannot be swapped
  fr.locale = 'en-CA';
  return `${text} ${same.has('card.empty')} ${locale} ${messageLocales.length} ${wrong}`;
}
void show;
