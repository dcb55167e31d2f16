package org.openencoder.accounts.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header says who is signed in (templates/accounts/header.html). */
@ControllerAdvice
class SignedInAdvice {

  @ModelAttribute("signedIn")
  String signedIn() {
    return MeteringInterceptor.signedIn().orElse(null);
  }
}
