package org.openencoder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** OpenEncoder: code reference, claim edit checks and coding answers, cited to official files. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenEncoderApplication {

  public static void main(String[] args) {
    SpringApplication.run(OpenEncoderApplication.class, args);
  }
}
