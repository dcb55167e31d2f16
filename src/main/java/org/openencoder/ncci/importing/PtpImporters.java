package org.openencoder.ncci.importing;

import org.openencoder.codeset.ReleaseImporter;
import org.openencoder.ncci.Setting;
import org.openencoder.ncci.persistence.JdbcPtpEdits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One PTP importer per setting CMS publishes PTP tables for: practitioner, outpatient hospital. */
@Configuration(proxyBeanMethods = false)
class PtpImporters {

  @Bean
  ReleaseImporter practitionerPtpImporter(JdbcPtpEdits store) {
    return new PtpReleaseImporter(Setting.PRACTITIONER, NcciReleases.ptpPractitioner(), store);
  }

  @Bean
  ReleaseImporter hospitalPtpImporter(JdbcPtpEdits store) {
    return new PtpReleaseImporter(Setting.OUTPATIENT_HOSPITAL, NcciReleases.ptpHospital(), store);
  }
}
