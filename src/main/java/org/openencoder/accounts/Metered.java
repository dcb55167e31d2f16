package org.openencoder.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose answers are metered: one interceptor reads this annotation and counts the
 * view against the caller's plan (the one way metering is done, see STYLE.md).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Metered {

  /**
   * How the handler answers, which decides when the view is counted and what a refusal looks like.
   */
  Kind value();

  /** The path variable holding the code system. */
  String system() default "system";

  /** The path variable holding the code. */
  String code() default "code";

  enum Kind {
    /**
     * An HTML code page: counted once the page is found (a 404 costs nothing); past the quota the
     * page still renders, with its gated sections left out.
     */
    CODE_PAGE,
    /**
     * The JSON code API: an API key counts against its account's plan like a code page; anonymous
     * callers are rate-limited per IP. Past either, the answer is 429.
     */
    CODE_API
  }
}
