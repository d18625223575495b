// When the spell checker gets the open post's language. WebKitGTK loads a dictionary on the
// window's main thread (a quarter of a second to a second for French, on this kind of machine),
// which would hold up the start: the language is held back until the first preview is on
// screen, then passed on each time it changes (the shell skips a language it already has).

/** The open post's language for the spell checker, passed on once the window is ready. */
export class SpellLanguage {
  private wanted: string | null = null;
  private sent: string | null = null;
  private started = false;

  constructor(private readonly send: (lang: string) => Promise<void>) {}

  /** The open post is in `lang`. */
  want(lang: string) {
    this.wanted = lang;
    this.flush();
  }

  /** The start is over (first preview shown, or nothing to show): pass languages on from now. */
  start() {
    this.started = true;
    this.flush();
  }

  private flush() {
    const lang = this.wanted;
    if (!this.started || lang === null || lang === this.sent) return;
    this.sent = lang;
    this.send(lang).catch(() => {
      // Spell checking is a comfort: a failure leaves the editor as it was; try again next time.
      if (this.sent === lang) this.sent = null;
    });
  }
}
