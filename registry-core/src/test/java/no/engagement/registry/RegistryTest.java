package no.engagement.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the real, migrated and seeded PostgreSQL: the embedded server in target/test-db
 * (profile "test"), or the server REGISTRY_DB_URL names. The one place that decides where tests get
 * their database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
public @interface RegistryTest {}
