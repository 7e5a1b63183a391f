package no.engagement.registry.db;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the registry keeps its data. Environment variables bind by Spring's relaxed rules:
 * REGISTRY_DATA_DIR, REGISTRY_DB_URL, REGISTRY_DB_USER, REGISTRY_DB_PASSWORD,
 * REGISTRY_DB_OWNER_USER, REGISTRY_DB_OWNER_PASSWORD, REGISTRY_DB_READ_URL, REGISTRY_DB_READ_USER,
 * REGISTRY_DB_READ_PASSWORD, REGISTRY_DB_PORT.
 *
 * @param dataDir folder of the embedded PostgreSQL (binaries and cluster); relative to the folder
 *     the registry is started from
 * @param db the database: an external server when {@code url} is set, else the embedded one
 */
@Validated
@ConfigurationProperties("registry")
public record RegistryProperties(
    @NotNull @DefaultValue("data") Path dataDir, @Valid @NotNull @DefaultValue Db db) {

  /**
   * @param url JDBC URL of an external PostgreSQL; blank means "start the embedded one"
   * @param user the role the application connects to the external server as
   * @param ownerUser the role that owns the schema there and runs the migrations; blank means
   *     {@code user}
   * @param readUrl JDBC URL of a read replica for read-only transactions; blank means none
   * @param readUser the role on the replica; blank means the application's role
   * @param port fixed port of the embedded server (127.0.0.1 only)
   * @param name database name on the embedded server
   */
  public record Db(
      String url,
      String user,
      String password,
      String ownerUser,
      String ownerPassword,
      String readUrl,
      String readUser,
      String readPassword,
      @Min(1024) @Max(65535) @DefaultValue("54329") int port,
      @NotBlank @DefaultValue("registry") String name) {

    public boolean external() {
      return url != null && !url.isBlank();
    }
  }
}
