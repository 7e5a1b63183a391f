package no.engagement.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The core module's Spring configuration for tests: data access, import and seed, no web. */
@SpringBootApplication
class CoreTestApplication {}
