package no.engagement.registry.web;

import org.springframework.context.i18n.LocaleContextHolder;

/** The request's language, as the registry names it: "nb" (bokmål) or "en". */
public final class Language {

  private Language() {}

  /**
   * "en" when the request is in English, else "nb": the language of every name a page, a CSV file,
   * a JSON answer or a feed shows (chosen by {@code ?lang=}, its cookie or Accept-Language).
   */
  public static String current() {
    return LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "nb";
  }
}
