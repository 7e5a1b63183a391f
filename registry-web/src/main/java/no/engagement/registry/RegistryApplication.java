package no.engagement.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Engagement Registry: screens and downloads over the registry's PostgreSQL. */
@SpringBootApplication
public class RegistryApplication {

  public static void main(String[] args) {
    // jOOQ prints a logo and a tip of the day at start; the log is for the registry's own lines
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    SpringApplication.run(RegistryApplication.class, args);
  }
}
