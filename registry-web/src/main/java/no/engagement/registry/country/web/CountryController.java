package no.engagement.registry.country.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import no.engagement.registry.country.CountryDetail;
import no.engagement.registry.country.CountryService;
import no.engagement.registry.funding.FundingService;
import no.engagement.registry.mission.MissionService;
import no.engagement.registry.process.ProcessService;
import no.engagement.registry.reference.ReferenceService;
import no.engagement.registry.web.BarChart;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.Language;
import no.engagement.registry.web.Link;
import no.engagement.registry.web.NotFoundException;
import no.engagement.registry.web.QueryParameters;
import no.engagement.registry.web.WholeNumbers;
import no.engagement.registry.web.WorldMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * /countries and /countries/{iso3}: a country as contributor, as host, in processes and funding.
 */
@Controller
class CountryController {

  private final CountryService countries;
  private final ProcessService processes;
  private final FundingService funding;
  private final MessageSource messages;
  private final WholeNumbers num;
  private final WorldMap map;
  private final ReferenceService reference;

  CountryController(
      CountryService countries,
      ProcessService processes,
      FundingService funding,
      MessageSource messages,
      WholeNumbers num,
      WorldMap map,
      ReferenceService reference) {
    this.map = map;
    this.reference = reference;
    this.countries = countries;
    this.processes = processes;
    this.funding = funding;
    this.messages = messages;
    this.num = num;
  }

  @GetMapping("/countries")
  String list(Model model) {
    model.addAttribute("countries", countries.countries(Language.current()));
    return "countries";
  }

  /** The countries list as data. */
  @Schema(name = "Countries")
  record Countries(java.util.List<no.engagement.registry.country.CountryRow> items) {}

  @GetMapping(value = "/countries.json", produces = "application/json")
  @ResponseBody
  @Operation(summary = "Every ISO 3166 country, with how many figures and hosted missions it has")
  Countries listJson() {
    return new Countries(countries.countries(Language.current()));
  }

  @GetMapping("/countries.csv")
  void listCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var dialect = Csv.dialect(request);
    var rows = countries.countries(Language.current());
    try (var csv = Csv.open(response, dialect, "countries.csv")) {
      csv.row("iso3", "iso2", "numeric", "name", "personnel_figures", "hosted_missions");
      rows.forEach(
          c -> csv.row(c.iso3(), c.iso2(), c.numeric(), c.name(), c.figures(), c.hostedMissions()));
    }
  }

  @GetMapping("/countries/{iso3}")
  String country(
      @PathVariable String iso3,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var c = find(iso3, request);
    model.addAttribute("c", c);
    model.addAttribute(
        "feedUrl", Link.subject("/countries", c.country().iso3(), ".atom").toString());
    model.addAttribute(
        "chart",
        BarChart.byYear(
            "contributions-chart",
            "country.chart.title",
            c.years(),
            c.contributions().stream().map(s -> Map.entry(s.acronym(), s.totals())).toList(),
            c.marks(),
            messages,
            num::whole));
    Integer lastYear = c.years().isEmpty() ? null : c.years().getLast();
    var locale = LocaleContextHolder.getLocale();
    model.addAttribute(
        "map",
        map.draw(
            messages.getMessage(
                "country.map.title",
                new Object[] {lastYear == null ? "\u2013" : lastYear.toString()},
                locale),
            lastYear == null ? Map.of() : countries.byHost(c.country().iso3(), c.basis(), lastYear),
            java.util.List.of(c.country().iso3()),
            reference.countries(Language.current()),
            messages,
            num::whole,
            "map.personnel",
            "country.map.self",
            response::encodeURL));
    model.addAttribute("processes", processes.ofCountry(c.country().iso3(), Language.current()));
    model.addAttribute("programmes", funding.ofCountry(c.country().iso3(), Language.current()));
    return "country";
  }

  @GetMapping(value = "/countries/{iso3}.json", produces = "application/json")
  @ResponseBody
  @Operation(
      summary =
          "One country: its personnel by mission and year, what sources say, missions it hosts,"
              + " peace processes and funding")
  @Parameter(
      in = ParameterIn.QUERY,
      name = "basis",
      schema =
          @Schema(
              type = "string",
              allowableValues = {"annual_average", "snapshot"}))
  CountryJson countryJson(@PathVariable String iso3, HttpServletRequest request) {
    var c = find(iso3, request);
    return CountryJson.of(
        c,
        processes.ofCountry(c.country().iso3(), Language.current()),
        funding.ofCountry(c.country().iso3(), Language.current()));
  }

  @GetMapping("/countries/{iso3}.csv")
  void countryCsv(
      @PathVariable String iso3, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var dialect = Csv.dialect(request);
    var c = find(iso3, request);
    var rows = countries.contributions(c.country().iso3(), c.basis());
    try (var csv = Csv.open(response, dialect, c.country().iso3() + ".csv")) {
      csv.row("contributor", "mission", "year", "total", "basis", "gender");
      rows.forEach(
          r -> csv.row(c.country().iso3(), r.acronym(), r.year(), r.total(), c.basis(), "total"));
    }
  }

  private CountryDetail find(String iso3, HttpServletRequest request) {
    String basis =
        new QueryParameters(request)
            .word("basis", null, MissionService.YEARLY_BASES.toArray(String[]::new));
    return countries
        .country(iso3.strip().toUpperCase(Locale.ROOT), Language.current(), basis)
        .orElseThrow(() -> new NotFoundException("country \u00ab" + iso3 + "\u00bb"));
  }
}
