package no.engagement.registry.deployment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import no.engagement.registry.deployment.DeploymentFilter;
import no.engagement.registry.deployment.DeploymentFilter.Grouping;
import no.engagement.registry.deployment.DeploymentFilter.Sort;
import no.engagement.registry.deployment.DeploymentService;
import no.engagement.registry.deployment.DeploymentView;
import no.engagement.registry.reference.ReferenceData;
import no.engagement.registry.reference.ReferenceService;
import no.engagement.registry.web.BadParameterException;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.Language;
import no.engagement.registry.web.Link;
import no.engagement.registry.web.QueryParameters;
import no.engagement.registry.web.WholeNumbers;
import no.engagement.registry.web.WorldMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * /deployments and /deployments.csv: the same filters, the same rows. The CSV streams every row of
 * the view (every group, or every figure), never one page.
 */
@Controller
class DeploymentController {

  static final List<String> TYPES = DeploymentFilter.TYPES;

  /** The words the form offers and the query string takes, each named by its message. */
  private static final List<String> BASES = DeploymentFilter.BASES;

  private static final List<String> GENDERS = DeploymentFilter.GENDERS;
  private static final List<String> GENDERS_AND_ALL =
      java.util.stream.Stream.concat(GENDERS.stream(), java.util.stream.Stream.of("all")).toList();
  private static final List<String> GROUPS =
      List.of("year", "contributor", "mission", "host", "type", "none");
  private static final List<String> SORTS =
      Arrays.stream(Sort.values()).map(DeploymentController::sortWord).toList();

  private final DeploymentService deployments;
  private final ReferenceService reference;
  private final MessageSource messages;
  private final WholeNumbers num;
  private final Options contributorOptions = new Options(DeploymentController::countryText);
  private final Options hostOptions = new Options(DeploymentController::countryText);
  private final Options missionOptions = new Options(DeploymentController::missionText);
  private final Options regionOptions = new Options(ReferenceData::name);
  private final Options typeOptions = new Options(ReferenceData::name);

  private final WorldMap map;

  DeploymentController(
      DeploymentService deployments,
      ReferenceService reference,
      MessageSource messages,
      WholeNumbers num,
      WorldMap map) {
    this.map = map;
    this.deployments = deployments;
    this.reference = reference;
    this.messages = messages;
    this.num = num;
  }

  @GetMapping("/deployments")
  String deployments(HttpServletRequest request, HttpServletResponse response, Model model) {
    var params = new QueryParameters(request);
    var filter = filter(params);
    long after = params.nonNegativeLong("after", 0);
    String lang = Language.current();
    var view = deployments.view(filter, lang, after);
    Link page = Link.of(request, "/deployments").without("after", "lang");
    model.addAttribute("view", view);
    var texts = new Rows.Texts(messages, LocaleContextHolder.getLocale());
    // the figures of a year: the same selection and basis, listed
    String years = page.without("group", "sort", "from", "to").open();
    model.addAttribute(
        "chart", DeploymentChart.of(view, years, texts, num, texts.message("dep.chart.title")));
    if (!"all".equals(filter.gender())) {
      var selection = deployments.map(filter, lang);
      model.addAttribute(
          "map",
          map.draw(
              texts.message("map.deployments.title"),
              selection.contributors(),
              selection.hosts(),
              reference.countries(lang),
              messages,
              num::whole,
              "map.personnel",
              "map.host",
              response::encodeURL));
    }
    model.addAttribute("chips", chips(request, filter, lang));
    model.addAttribute("groupRows", Rows.groups(groupLinks(request, view), texts, num));
    model.addAttribute("figureRows", Rows.figures(view.page(), texts, num));
    model.addAttribute("trendRows", Rows.trend(view.trend(), years, texts, num));
    Link others = page.without("basis");
    model.addAttribute(
        "otherBases",
        view.otherBases().stream()
            .map(
                o ->
                    new OtherBasisLink(
                        o.basis(), o.figures(), others.with("basis", o.basis()).toString()))
            .toList());
    model.addAttribute(
        "compareUrl", page.without("group", "sort").at("/deployments/sources").toString());
    model.addAttribute("csvUrl", page.at("/deployments.csv").toString());
    model.addAttribute("jsonUrl", page.at("/deployments.json").toString());
    model.addAttribute(
        "excelUrl", page.at("/deployments.csv").with("dialect", "excel-nb").toString());
    model.addAttribute(
        "nextUrl",
        view.nextAfter() == null ? null : page.with("after", view.nextAfter()).toString());
    model.addAttribute(
        "contributorOptions",
        contributorOptions.html(
            lang,
            reference.contributors(lang),
            () -> reference.countries(lang),
            filter.contributors()));
    model.addAttribute(
        "hostOptions",
        hostOptions.html(
            lang, reference.hosts(lang), () -> reference.countries(lang), filter.hosts()));
    model.addAttribute(
        "missionOptions",
        missionOptions.html(
            lang,
            reference.missionsWithFigures(lang),
            () -> reference.missions(lang),
            filter.missions()));
    model.addAttribute(
        "regionOptions", regionOptions.html(lang, reference.regions(lang), filter.regions()));
    model.addAttribute(
        "typeOptions", typeOptions.html(lang, reference.personnelTypes(lang), filter.types()));
    model.addAttribute("basisOptions", Options.words("basis.", BASES, filter.basis(), texts));
    // "all" (each figure, group=none) is offered when the view has it, so the form keeps the view
    var genders = "all".equals(filter.gender()) ? GENDERS_AND_ALL : GENDERS;
    model.addAttribute("genderOptions", Options.words("gender.", genders, filter.gender(), texts));
    String group = filter.group().name().toLowerCase(Locale.ROOT);
    model.addAttribute("groupOptions", Options.words("group.", GROUPS, group, texts));
    model.addAttribute(
        "sortOptions", Options.words("sort.", SORTS, sortWord(filter.sort()), texts));
    return "deployments";
  }

  @GetMapping(value = "/deployments.json", produces = "application/json")
  @ResponseBody
  @Operation(
      summary = "Personnel figures: totals by year and group, or the figures themselves",
      description =
          "The screen /deployments as data: the same filters, the same numbers. Totals count each"
              + " person once; each carries its months and flags. With group=none, the figures"
              + " 100 a page: follow `next`.")
  DeploymentsJson json(HttpServletRequest request) {
    var params = new QueryParameters(request);
    var filter = filter(params);
    var view = deployments.view(filter, Language.current(), params.nonNegativeLong("after", 0));
    return DeploymentsJson.of(
        view,
        view.nextAfter() == null
            ? null
            : Link.of(request, "/deployments.json")
                .without("after")
                .with("after", view.nextAfter())
                .toString());
  }

  private static String countryText(ReferenceData c) {
    return c.name() + " (" + c.code() + ")";
  }

  private static String missionText(ReferenceData m) {
    return m.code() + " \u2013 " + m.name();
  }

  /**
   * The sources of a selection side by side: each source's figure per year and basis (every basis:
   * the basis filter is left out), with its months, flags and the difference from the first source
   * of that year and basis.
   */
  @GetMapping("/deployments/sources")
  String sources(HttpServletRequest request, Model model) {
    var filter = filter(new QueryParameters(request));
    var rows = compared(deployments.bySource(filter));
    Link back = Link.of(request, "/deployments").without("after", "lang", "group", "sort", "basis");
    model.addAttribute("f", filter);
    model.addAttribute("rows", rows);
    model.addAttribute("backUrl", back.toString());
    model.addAttribute("csvUrl", back.at("/deployments/sources.csv").toString());
    model.addAttribute("jsonUrl", back.at("/deployments/sources.json").toString());
    return "deployment-sources";
  }

  /** One source's figure for the selection in a year and basis, beside the others'. */
  @Schema(name = "DeploymentSourceFigure")
  record SourceFigureJson(
      int year,
      String basis,
      Long sourceId,
      String source,
      String language,
      BigDecimal total,
      long figures,
      Integer monthsMin,
      Integer monthsMax,
      List<String> flags,
      @Schema(
              description =
                  "less the first source's total of the same year and basis; null for the first")
          BigDecimal difference) {}

  /** /deployments/sources.json: each source's figures side by side. */
  @Schema(name = "DeploymentSources")
  record SourcesJson(String gender, List<SourceFigureJson> items) {}

  @GetMapping(value = "/deployments/sources.json", produces = "application/json")
  @ResponseBody
  @Operation(
      summary = "The sources of a selection side by side: each source's figure per year and basis",
      description = "The filters of /deployments.json (basis, group, sort and after aside).")
  SourcesJson sourcesJson(HttpServletRequest request) {
    var filter = filter(new QueryParameters(request));
    return new SourcesJson(
        filter.gender(),
        compared(deployments.bySource(filter)).stream()
            .map(
                r -> {
                  var f = r.figure();
                  return new SourceFigureJson(
                      f.year(),
                      f.basis(),
                      f.sourceId(),
                      f.source(),
                      f.language(),
                      f.total(),
                      f.figures(),
                      f.coverage().min(),
                      f.coverage().max(),
                      DeploymentView.flags(f.flags()),
                      r.difference());
                })
            .toList());
  }

  @GetMapping("/deployments/sources.csv")
  void sourcesCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var filter = filter(new QueryParameters(request));
    var dialect = Csv.dialect(request);
    var rows = compared(deployments.bySource(filter));
    try (var csv = Csv.open(response, dialect, "deployment-sources.csv")) {
      csv.row(
          "year",
          "basis",
          "source_id",
          "source_title",
          "total",
          "difference",
          "months_min",
          "months_max",
          "flags",
          "figures",
          "gender");
      for (var r : rows) {
        var s = r.figure();
        csv.row(
            s.year(),
            s.basis(),
            s.sourceId(),
            s.source(),
            s.total(),
            r.difference(),
            s.coverage().min(),
            s.coverage().max(),
            String.join("|", DeploymentView.flags(s.flags())),
            s.figures(),
            filter.gender());
      }
    }
  }

  /** A source's figure and its difference from the first source's of the same year and basis. */
  record ComparedRow(DeploymentView.SourceFigure figure, BigDecimal difference) {}

  private static List<ComparedRow> compared(List<DeploymentView.SourceFigure> figures) {
    List<ComparedRow> rows = new ArrayList<>();
    DeploymentView.SourceFigure first = null;
    for (var s : figures) {
      boolean starts =
          first == null || first.year() != s.year() || !first.basis().equals(s.basis());
      if (starts) {
        first = s;
      }
      rows.add(new ComparedRow(s, starts ? null : s.total().subtract(first.total())));
    }
    return rows;
  }

  @GetMapping("/deployments.csv")
  void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var params = new QueryParameters(request);
    var filter = filter(params);
    var dialect = Csv.dialect(request);
    String lang = Language.current();
    if (filter.group() == Grouping.NONE) {
      // every figure, through COPY (ADR 0011); a bad code is a 404 page, so checked before the
      // response's stream is opened
      deployments.checkCodes(filter);
      Csv.attachment(response, "deployments.csv");
      deployments.writeFigures(filter, lang, dialect, response.getOutputStream());
      return;
    }
    // validate before the first byte: a bad code is a 404 page, not a broken file
    var groups = deployments.groups(filter, lang);
    try (var csv = Csv.open(response, dialect, "deployments.csv")) {
      csv.row(
          filter.group().name().toLowerCase(Locale.ROOT),
          "label",
          "total",
          "figures",
          "basis",
          "gender",
          "months_min",
          "months_max",
          "flags",
          "depth");
      for (var g : groups) {
        csv.row(
            g.code(),
            g.label(),
            g.total(),
            g.figures(),
            filter.basis(),
            filter.gender(),
            g.coverage().min(),
            g.coverage().max(),
            String.join("|", DeploymentView.flags(g.flags())),
            g.depth());
      }
    }
  }

  /**
   * The filters as the OpenAPI document has them, from the lists this controller reads them with
   * (so the document cannot offer a word the screen refuses).
   */
  static List<io.swagger.v3.oas.models.parameters.Parameter> documentedFilters(boolean paged) {
    var list = new ArrayList<io.swagger.v3.oas.models.parameters.Parameter>();
    list.add(codes("contributor", "ISO 3166 alpha-3 codes of contributing countries"));
    list.add(codes("mission", "mission acronyms"));
    list.add(codes("host", "ISO 3166 alpha-3 codes of host countries"));
    list.add(codes("region", "region codes"));
    list.add(year("from", "the first year"));
    list.add(year("to", "the last year"));
    list.add(
        query("type", "personnel types; a type takes every type below it")
            .schema(new io.swagger.v3.oas.models.media.ArraySchema().items(words(TYPES, null))));
    list.add(
        query("gender", "all only with group=none")
            .schema(words(GENDERS_AND_ALL, DeploymentFilter.DEFAULT_GENDER)));
    if (paged) {
      list.add(
          query("basis", "figures of different bases are never added together")
              .schema(words(BASES, DeploymentFilter.DEFAULT_BASIS)));
      list.add(query("group", "how figures are grouped").schema(words(GROUPS, "year")));
      list.add(query("sort", "the order of the groups").schema(words(SORTS, null)));
      list.add(
          query("after", "the page of figures after this id (from next)")
              .schema(new io.swagger.v3.oas.models.media.IntegerSchema().format("int64")));
    }
    return list;
  }

  private static io.swagger.v3.oas.models.parameters.Parameter query(String name, String about) {
    return new io.swagger.v3.oas.models.parameters.Parameter()
        .in("query")
        .name(name)
        .description(about);
  }

  private static io.swagger.v3.oas.models.parameters.Parameter codes(String name, String about) {
    return query(name, about + "; repeat the parameter for several")
        .schema(
            new io.swagger.v3.oas.models.media.ArraySchema()
                .items(new io.swagger.v3.oas.models.media.StringSchema()));
  }

  private static io.swagger.v3.oas.models.parameters.Parameter year(String name, String about) {
    return query(name, about)
        .schema(
            new io.swagger.v3.oas.models.media.IntegerSchema()
                .minimum(BigDecimal.valueOf(1945))
                .maximum(BigDecimal.valueOf(2100)));
  }

  private static io.swagger.v3.oas.models.media.StringSchema words(
      List<String> words, String byDefault) {
    var schema = new io.swagger.v3.oas.models.media.StringSchema();
    schema.setEnum(words);
    if (byDefault != null) {
      schema.setDefault(byDefault);
    }
    return schema;
  }

  /** Adds the filters to the document's two deployment routes. */
  @org.springframework.context.annotation.Bean
  static org.springdoc.core.customizers.OperationCustomizer deploymentFilters() {
    return (operation, handler) -> {
      if (handler.getBeanType() == DeploymentController.class) {
        boolean json = handler.getMethod().getName().equals("json");
        boolean sources = handler.getMethod().getName().equals("sourcesJson");
        if (json || sources) {
          documentedFilters(json).forEach(operation::addParametersItem);
        }
      }
      return operation;
    };
  }

  static DeploymentFilter filter(QueryParameters p) {
    Integer from = p.year("from");
    Integer to = p.year("to");
    if (from != null && to != null && from > to) {
      throw new BadParameterException("to", to.toString(), "param.to.before.from", from);
    }
    Grouping group =
        Grouping.valueOf(
            p.word("group", "year", GROUPS.toArray(String[]::new)).toUpperCase(Locale.ROOT));
    String sortWord =
        p.word(
            "sort",
            group == Grouping.YEAR || group == Grouping.NONE ? "key" : "-total",
            SORTS.toArray(String[]::new));
    Sort sort =
        Arrays.stream(Sort.values())
            .filter(o -> sortWord(o).equals(sortWord))
            .findFirst()
            .orElseThrow();
    return new DeploymentFilter(
        p.codes("contributor"),
        p.codes("mission"),
        p.codes("host"),
        p.codes("region"),
        from,
        to,
        p.words("type", TYPES),
        gender(p, group),
        p.word("basis", DeploymentFilter.DEFAULT_BASIS, BASES.toArray(String[]::new)),
        group,
        sort);
  }

  /** The order's word in the query string (and the form), one per constant of Sort. */
  static String sortWord(Sort sort) {
    return switch (sort) {
      case KEY -> "key";
      case KEY_DESC -> "-key";
      case TOTAL -> "total";
      case TOTAL_DESC -> "-total";
    };
  }

  /** One gender; "all" only lists figures (group=none), since totals over genders would overlap. */
  private static String gender(QueryParameters p, Grouping group) {
    String g =
        p.word("gender", DeploymentFilter.DEFAULT_GENDER, GENDERS_AND_ALL.toArray(String[]::new));
    if (g.equals("all") && group != Grouping.NONE) {
      throw new BadParameterException("gender", g, "param.gender.all");
    }
    return g;
  }

  /** Each group's "explain" link: the same view narrowed to the group, listing its figures. */
  private static List<GroupLink> groupLinks(HttpServletRequest request, DeploymentView view) {
    List<GroupLink> out = new ArrayList<>();
    Link base = Link.of(request, "/deployments").without("after", "lang", "group", "sort");
    for (var g : view.groups()) {
      String code = g.code();
      Link narrowed =
          code == null
              ? null
              : switch (view.filter().group()) {
                case YEAR -> base.without("from", "to").with("from", code).with("to", code);
                case CONTRIBUTOR -> base.without("contributor").with("contributor", code);
                case MISSION -> base.without("mission").with("mission", code);
                case TYPE -> base.without("type").with("type", code);
                default -> null;
              };
      out.add(
          new GroupLink(g, narrowed == null ? null : narrowed.with("group", "none").toString()));
    }
    return out;
  }

  /** A chosen filter value, and the link to the same selection without it. */
  record Chip(String dimension, String label, String href) {}

  /** The chosen filters as chips, each removable by its link. */
  private List<Chip> chips(HttpServletRequest request, DeploymentFilter f, String lang) {
    List<Chip> chips = new ArrayList<>();
    chip(chips, request, "contributor", f.contributors(), reference.countries(lang));
    chip(chips, request, "mission", f.missions(), List.of());
    chip(chips, request, "host", f.hosts(), reference.countries(lang));
    chip(chips, request, "region", f.regions(), reference.regions(lang));
    chip(chips, request, "type", f.types(), reference.personnelTypes(lang));
    if (f.from() != null || f.to() != null) {
      String years =
          (f.from() == null ? "" : f.from().toString())
              + "\u2013"
              + (f.to() == null ? "" : f.to().toString());
      chips.add(
          new Chip(
              "years",
              years,
              Link.of(request, "/deployments").without("after", "lang", "from", "to").toString()));
    }
    return chips;
  }

  private static void chip(
      List<Chip> chips,
      HttpServletRequest request,
      String name,
      List<String> codes,
      List<ReferenceData> names) {
    for (String code : codes) {
      String label = code;
      for (var n : names) {
        if (n.code().equalsIgnoreCase(code)) {
          label = n.name();
          break;
        }
      }
      Link rest = Link.of(request, "/deployments").without("after", "lang", name);
      for (String other : codes) {
        if (!other.equals(code)) {
          rest = rest.with(name, other);
        }
      }
      chips.add(new Chip(name, label, rest.toString()));
    }
  }

  /** The same selection in another basis: how many figures it has there, and the link. */
  record OtherBasisLink(String basis, long figures, String href) {}

  /** A group and the link that explains its total (null where no filter narrows to it). */
  record GroupLink(DeploymentView.Group group, String href) {}
}
