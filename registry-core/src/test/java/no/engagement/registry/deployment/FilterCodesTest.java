package no.engagement.registry.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.engagement.registry.RegistryTest;
import no.engagement.registry.deployment.DeploymentFilter.Grouping;
import no.engagement.registry.deployment.DeploymentFilter.Sort;
import no.engagement.registry.reference.ReferenceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A filter's codes are checked against the kept reference lists first, and against the database
 * when a list does not have them: a code imported a moment ago is known at once, an unknown one is
 * named. Runs in a transaction that is rolled back, so the country it adds is never seen by others.
 */
@RegistryTest
class FilterCodesTest {

  @Autowired DeploymentService deployments;
  @Autowired ReferenceService reference;
  @Autowired JdbcTemplate sql;
  @Autowired TransactionTemplate transactions;

  private static DeploymentFilter filter(List<String> contributors, List<String> hosts) {
    return new DeploymentFilter(
        contributors,
        List.of(),
        hosts,
        List.of(),
        null,
        null,
        List.of(),
        "total",
        "annual_average",
        Grouping.YEAR,
        Sort.KEY);
  }

  @Test
  void aCountryNewerThanTheKeptListIsKnownAndAnUnknownOneIsNamed() {
    assertThat(reference.listsCountries(List.of("NOR", "MLI"))).isTrue(); // the list is kept now
    transactions.executeWithoutResult(
        tx -> {
          tx.setRollbackOnly();
          sql.update(
              "insert into country (iso3, iso2, numeric_code, name_en, name_nb)"
                  + " values ('XKX', 'XK', '999', 'Kosovo', 'Kosovo')");
          assertThat(reference.listsCountries(List.of("NOR", "XKX")))
              .as("the kept list is older than the country")
              .isFalse();
          deployments.checkCodes(filter(List.of("NOR", "XKX"), List.of("XKX")));
          assertThatThrownBy(() -> deployments.checkCodes(filter(List.of("NOR"), List.of("XKY"))))
              .isInstanceOfSatisfying(
                  UnknownCodeException.class,
                  e -> {
                    assertThat(e.parameter()).isEqualTo("host");
                    assertThat(e.code()).isEqualTo("XKY");
                  });
        });
    assertThat(sql.queryForObject("select count(*) from country where iso3 = 'XKX'", Integer.class))
        .isZero();
  }
}
