package org.openencoder.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Metering settings: the defaults of the seed site, the off switch and calendar periods. */
class MeteringPropertiesTest {

  private static MeteringProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("openencoder.metering", MeteringProperties.class);
  }

  @Test
  void theDefaultsAreOneGuestViewAndFiveMoreForAFreeMember() {
    MeteringProperties defaults = bind(Map.of());
    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.guestViews()).isEqualTo(1);
    assertThat(defaults.memberViews()).isEqualTo(6);
    assertThat(defaults.subscriberViews()).isNegative();
    assertThat(defaults.gatedSections()).contains("notes", "seventh").doesNotContain("sources");
  }

  @Test
  void openencoderMeteringOffSwitchesItOffBesideTheOtherSettings() {
    // OPENENCODER_METERING=off is both the property openencoder.metering and, through
    // application.properties, openencoder.metering.enabled: binding must not trip on the former.
    MeteringProperties off =
        bind(Map.of("openencoder.metering", "off", "openencoder.metering.enabled", "off"));
    assertThat(off.enabled()).isFalse();
  }

  @Test
  void periodsStartOnCalendarBoundariesInUtc() {
    Instant now = Instant.parse("2026-11-27T23:59:59Z");
    assertThat(MeteringProperties.Period.MONTH.start(now))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(MeteringProperties.Period.WEEK.start(now))
        .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    assertThat(MeteringProperties.Period.DAY.start(now))
        .isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    assertThat(bind(Map.of()).apiWindowStart(Instant.parse("2026-11-27T13:45:10Z")))
        .isEqualTo(Instant.parse("2026-11-27T13:00:00Z"));
  }

  @Test
  void aNegativeQuotaIsRefused() {
    assertThatThrownBy(() -> bind(Map.of("openencoder.metering.guest-views", "-1")))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }
}
