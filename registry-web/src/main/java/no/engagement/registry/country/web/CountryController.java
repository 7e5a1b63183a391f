package no.engagement.registry.country.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import no.engagement.registry.country.CountryDetail;
import no.engagement.registry.country.CountryService;
import no.engagement.registry.funding.FundingService;
import no.engagement.registry.process.ProcessService;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * /countries and /countries/{iso3}: a country as contributor, as host, in processes and funding.
 */
@Controller
class CountryController {

  private final CountryService countries;
  private final ProcessService processes;
  private final FundingService funding;

  CountryController(CountryService countries, ProcessService processes, FundingService funding) {
    this.countries = countries;
    this.processes = processes;
    this.funding = funding;
  }

  @GetMapping("/countries")
  String list(Model model) {
    model.addAttribute("countries", countries.countries(Csv.lang()));
    return "countries";
  }

  @GetMapping("/countries.csv")
  void listCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var dialect = Csv.dialect(request);
    var rows = countries.countries(Csv.lang());
    try (var csv = Csv.open(response, dialect, "countries.csv")) {
      csv.row("iso3", "iso2", "numeric", "name", "personnel_figures", "hosted_missions");
      rows.forEach(
          c -> csv.row(c.iso3(), c.iso2(), c.numeric(), c.name(), c.figures(), c.hostedMissions()));
    }
  }

  @GetMapping("/countries/{iso3}")
  String country(@PathVariable String iso3, Model model) {
    var c = find(iso3);
    model.addAttribute("c", c);
    model.addAttribute("processes", processes.ofCountry(c.country().iso3(), Csv.lang()));
    model.addAttribute("programmes", funding.ofCountry(c.country().iso3(), Csv.lang()));
    return "country";
  }

  @GetMapping("/countries/{iso3}.csv")
  void countryCsv(
      @PathVariable String iso3, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var dialect = Csv.dialect(request);
    var c = find(iso3);
    var rows = countries.contributions(c.country().iso3());
    try (var csv = Csv.open(response, dialect, c.country().iso3() + ".csv")) {
      csv.row("contributor", "mission", "year", "total", "basis", "gender");
      rows.forEach(
          r ->
              csv.row(
                  c.country().iso3(), r.acronym(), r.year(), r.total(), "annual_average", "total"));
    }
  }

  private CountryDetail find(String iso3) {
    return countries
        .country(iso3.strip().toUpperCase(Locale.ROOT), Csv.lang())
        .orElseThrow(() -> new NotFoundException("country \u00ab" + iso3 + "\u00bb"));
  }
}
