package no.engagement.registry.deployment;

import java.util.List;

/**
 * What the deployments screen shows: the filters of its query string (the README's screens). Lists
 * hold codes (ISO 3166 alpha-3, mission acronyms, region codes); an empty list does not filter.
 *
 * @param basis one basis only: figures of different bases are never added together
 * @param gender female, male or total (the default), never several: they overlap; "all" only when
 *     listing figures (grouping NONE)
 */
public record DeploymentFilter(
    List<String> contributors,
    List<String> missions,
    List<String> hosts,
    List<String> regions,
    Integer from,
    Integer to,
    List<String> types,
    String gender,
    String basis,
    Grouping group,
    Sort sort) {

  public static final String DEFAULT_BASIS = "annual_average";

  /** The same selection in another order. */
  public DeploymentFilter sorted(Sort by) {
    return new DeploymentFilter(
        contributors, missions, hosts, regions, from, to, types, gender, basis, group, by);
  }

  /** The same selection grouped otherwise. */
  public DeploymentFilter grouped(Grouping by) {
    return new DeploymentFilter(
        contributors, missions, hosts, regions, from, to, types, gender, basis, by, sort);
  }

  public static final String DEFAULT_GENDER = "total";

  /** How figures are grouped; NONE lists the figures themselves. */
  public enum Grouping {
    YEAR,
    CONTRIBUTOR,
    MISSION,
    HOST,
    TYPE,
    NONE
  }

  /** Order of the groups: by their key (name, year) or by their total, either direction. */
  public enum Sort {
    KEY,
    KEY_DESC,
    TOTAL,
    TOTAL_DESC
  }
}
