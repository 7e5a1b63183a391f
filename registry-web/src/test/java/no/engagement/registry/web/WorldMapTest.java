package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorldMapTest {

  private final WorldMap map = new WorldMap();

  @Test
  void theMapHasTheCountriesOfTheRegistryWithTheirIsoCodes() {
    // Natural Earth's 1:110m countries: 177, of which Kosovo, Northern Cyprus and Somaliland have
    // no
    // ISO 3166 code
    assertThat(map.codes()).hasSize(174).contains("NOR", "MLI", "SSD", "LBN", "COL");
  }

  @Test
  void countriesAreShadedByQuintilesOutlinedAsHostsAndNamedByTheirNumbers() {
    var values =
        Map.of(
            "NOR", new BigDecimal(12),
            "SWE", new BigDecimal(3),
            "DNK", new BigDecimal(7),
            "FIN", new BigDecimal(1),
            "ISL", new BigDecimal(30));
    // five values, five classes: each its own shade, from the smallest (FIN) to the largest (ISL)
    var breaks = WorldMap.breaks(values.values());
    assertThat(breaks)
        .containsExactly(
            new BigDecimal(3), new BigDecimal(7), new BigDecimal(12), new BigDecimal(30));
    var drawn =
        map.draw(
            "Map",
            values,
            List.of("MLI"),
            code -> code.equals("NOR") ? "Norway" : code,
            n -> n.toPlainString(),
            "personnel",
            "host",
            link -> link);
    assertThat(drawn.svg())
        .contains("<a href=\"/countries/NOR\" aria-label=\"Norway: 12 personnel\">")
        .contains("<a href=\"/countries/MLI\" aria-label=\"MLI: host\">")
        .contains("fill=\"" + WorldMap.SHADES[0] + "\"")
        .contains("fill=\"" + WorldMap.SHADES[4] + "\"");
    assertThat(drawn.svg().split("<a href=").length - 1).isEqualTo(6);
    assertThat(drawn.legend())
        .contains("data-shade=\"0\"></span>1</li>")
        .contains("data-shade=\"3\"></span>12</li>")
        .contains("data-shade=\"4\"></span>30</li>")
        .contains("<span class=\"swatch host\"></span>host</li>");
  }

  @Test
  void aMapIsDrawnOnceForTheSameNumbersWordsAndLinksAndAgainWhenOneDiffers() {
    var messages = new org.springframework.context.support.StaticMessageSource();
    messages.setUseCodeAsDefaultMessage(true);
    var countries = List.of(new no.engagement.registry.reference.ReferenceData("NOR", "Norway"));
    java.util.function.BiFunction<Map<String, BigDecimal>, String, WorldMap.Drawn> draw =
        (values, pin) ->
            map.draw(
                "Map",
                values,
                List.of(),
                countries,
                messages,
                n -> n.toPlainString(),
                "map.personnel",
                "map.host",
                link -> link + pin);
    var first = draw.apply(Map.of("NOR", new BigDecimal(12)), "");
    assertThat(draw.apply(Map.of("NOR", new BigDecimal(12)), "")).isSameAs(first);
    // a pinned release's links, and other numbers, are another map
    assertThat(draw.apply(Map.of("NOR", new BigDecimal(12)), "?release=2026.1").svg())
        .contains(
            "<a href=\"/countries/NOR?release=2026.1\" aria-label=\"Norway: 12 map.personnel\">");
    assertThat(draw.apply(Map.of("NOR", new BigDecimal(13)), "").svg())
        .contains("aria-label=\"Norway: 13 map.personnel\"");
    assertThat(first.svg())
        .contains("<a href=\"/countries/NOR\" aria-label=\"Norway: 12 map.personnel\">");
  }
}
