package org.openencoder.accounts.web;

import org.openencoder.accounts.Accounts;
import org.openencoder.accounts.MeteringProperties;
import org.openencoder.accounts.Meters;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the metering interceptor, unless {@code OPENENCODER_METERING=off}: then no view is
 * counted, no section is gated and the API has no rate limit.
 */
@Configuration(proxyBeanMethods = false)
class MeteringConfiguration implements WebMvcConfigurer {

  private final MeteringProperties properties;
  private final Meters meters;
  private final Accounts accounts;
  private final GuestCookies guests;

  MeteringConfiguration(
      MeteringProperties properties, Meters meters, Accounts accounts, GuestCookies guests) {
    this.properties = properties;
    this.meters = meters;
    this.accounts = accounts;
    this.guests = guests;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    if (properties.enabled()) {
      registry.addInterceptor(new MeteringInterceptor(meters, accounts, guests));
    }
  }
}
