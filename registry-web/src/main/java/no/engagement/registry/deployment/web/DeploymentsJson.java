package no.engagement.registry.deployment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import no.engagement.registry.deployment.DeploymentFilter;
import no.engagement.registry.deployment.DeploymentView;
import org.jspecify.annotations.Nullable;

/**
 * /deployments.json: the screen's answer with codes (and names in the request's language), each
 * total with its basis, months and flags (as words), and the link to the next page of figures.
 */
@Schema(name = "Deployments")
record DeploymentsJson(
    @Schema(description = "The filters as the registry read them") Selection selection,
    @Schema(description = "The basis of every total (figures of different bases never add up)")
        String basis,
    @Schema(description = "total, female, male (or all, listing figures)") String gender,
    @Schema(description = "The selection's total, each person counted once") BigDecimal total,
    @Schema(description = "How many figures lie behind the total") long figures,
    @Schema(description = "Whether some cells are the mean of several sources' figures")
        boolean severalSources,
    @Schema(description = "The total of each year") List<Year> years,
    @Schema(description = "The groups (group=year|contributor|mission|host|type), all of them")
        List<Group> groups,
    @Schema(description = "The figures themselves (group=none), one page") List<Figure> items,
    @Schema(description = "The next page of figures, or null on the last") @Nullable String next,
    @Schema(description = "The same selection's figures in other bases")
        List<OtherBasis> otherBases) {

  @Schema(name = "DeploymentSelection")
  record Selection(
      List<String> contributor,
      List<String> mission,
      List<String> host,
      List<String> region,
      @Nullable Integer from,
      @Nullable Integer to,
      List<String> type,
      String group,
      String sort) {}

  /** A year's total with the months it stands for and its quality flags. */
  @Schema(name = "DeploymentYear")
  record Year(
      int year,
      @Nullable BigDecimal total,
      @Nullable Integer monthsMin,
      @Nullable Integer monthsMax,
      List<String> flags) {}

  /**
   * A group's total. {@code code} is what a filter takes to narrow to it (null for a set of
   * missions one statement covers); {@code depth} its level in the tree of personnel types.
   */
  @Schema(name = "DeploymentGroup")
  record Group(
      @Nullable String code,
      String label,
      BigDecimal total,
      long figures,
      @Nullable Integer monthsMin,
      @Nullable Integer monthsMax,
      List<String> flags,
      int depth) {}

  /** One personnel figure with its source. */
  @Schema(name = "DeploymentFigure")
  record Figure(
      long id,
      String contributor,
      String contributorName,
      String missions,
      int year,
      @Nullable LocalDate periodStart,
      @Nullable LocalDate periodEnd,
      String type,
      String typeName,
      String gender,
      BigDecimal count,
      String basis,
      boolean approximate,
      @Nullable String statedText,
      @Nullable Long sourceId,
      @Nullable String sourceTitle,
      @Nullable Long batchId) {}

  @Schema(name = "OtherBasis")
  record OtherBasis(String basis, long figures) {}

  static DeploymentsJson of(DeploymentView v, @Nullable String next) {
    DeploymentFilter f = v.filter();
    return new DeploymentsJson(
        new Selection(
            f.contributors(),
            f.missions(),
            f.hosts(),
            f.regions(),
            f.from(),
            f.to(),
            f.types(),
            f.group().name().toLowerCase(Locale.ROOT),
            DeploymentController.sortWord(f.sort())),
        f.basis(),
        f.gender(),
        v.total(),
        v.figures(),
        v.severalSources(),
        v.trend().stream()
            .map(
                t ->
                    new Year(
                        t.year(),
                        t.total(),
                        t.coverage().min(),
                        t.coverage().max(),
                        DeploymentView.flags(t.flags())))
            .toList(),
        v.groups().stream()
            .map(
                g ->
                    new Group(
                        g.code(),
                        g.label(),
                        g.total(),
                        g.figures(),
                        g.coverage().min(),
                        g.coverage().max(),
                        DeploymentView.flags(g.flags()),
                        g.depth()))
            .toList(),
        v.page().stream()
            .map(
                p ->
                    new Figure(
                        p.id(),
                        p.contributor(),
                        p.contributorName(),
                        p.missions(),
                        p.year(),
                        p.periodStart(),
                        p.periodEnd(),
                        p.type(),
                        p.typeName(),
                        p.gender(),
                        p.count(),
                        p.basis(),
                        p.approximate(),
                        p.statedText(),
                        p.sourceId(),
                        p.sourceTitle(),
                        p.batchId()))
            .toList(),
        next,
        v.otherBases().stream().map(o -> new OtherBasis(o.basis(), o.figures())).toList());
  }
}
