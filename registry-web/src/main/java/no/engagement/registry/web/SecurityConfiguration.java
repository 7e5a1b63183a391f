package no.engagement.registry.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import no.engagement.registry.account.AccountService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.CompositeLogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

/**
 * Public to read, closed to write. Anonymous users read every screen and download CSV; editors
 * import and revert; admins also manage users and publish releases. Every other route and method is
 * denied; an anonymous user is sent to the login page. CSRF protection on every state change,
 * security headers with a strict CSP on every page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** What every page may load: only the registry's own files, never inline code or frames. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  /** Where editors work (the import routes); admins may do all an editor may. */
  static final String[] EDITOR_ROUTES = {"/imports", "/imports/**"};

  /**
   * The command line's route (scripts/import): HTTP Basic with an editor's credentials, no session
   * and so no CSRF token (a browser never sends these credentials by itself: the route sends no
   * Basic challenge a browser would remember).
   */
  @Bean
  @Order(1)
  SecurityFilterChain apiFilterChain(HttpSecurity http, RequestLimits limits) throws Exception {
    http.securityMatcher("/api/**")
        .addFilterBefore(limits, BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole("EDITOR", "ADMIN"))
        .httpBasic(
            b ->
                b.authenticationEntryPoint(
                    (request, response, e) -> response.sendError(401, "credentials needed")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .headers(
            h ->
                h.contentSecurityPolicy(
                    c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, List<LogoutHandler> audit, RequestLimits limits) throws Exception {
    http.addFilterBefore(limits, CsrfFilter.class)
        .authorizeHttpRequests(
            a ->
                a.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/admin", "/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.POST, "/releases")
                    .hasRole("ADMIN")
                    .requestMatchers(EDITOR_ROUTES)
                    .hasAnyRole("EDITOR", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/**")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .formLogin(f -> f.loginPage("/login").failureUrl("/login?error").permitAll())
        .logout(
            l ->
                l.logoutRequestMatcher(
                        PathPatternRequestMatcher.withDefaults()
                            .matcher(HttpMethod.POST, "/logout"))
                    .addLogoutHandler(new CompositeLogoutHandler(audit))
                    .logoutSuccessUrl("/login?logout")
                    .permitAll())
        .csrf(c -> c.csrfTokenRequestHandler(new CsrfTokenInBodyOrHeader()))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(f -> f.deny()));
    return http.build();
  }

  /**
   * No tracing of each security filter: with the actuator's observation registry present, Spring
   * Security wraps every filter of every request in an observation nobody reads (their frames were
   * in every sample of a screen under load). Request metrics are still recorded.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** Not a servlet filter of its own: it runs inside both security chains (see there). */
  @Bean
  RequestLimits requestLimits(
      @Value("${spring.servlet.multipart.max-request-size}") DataSize requestLimit,
      ITemplateEngine templates,
      LocaleResolver locales,
      MessageSource messages) {
    return new RequestLimits(requestLimit, templates, locales, messages);
  }

  @Bean
  FilterRegistrationBean<RequestLimits> requestLimitsOnlyInTheSecurityChains(RequestLimits limits) {
    var registration = new FilterRegistrationBean<>(limits);
    registration.setEnabled(false);
    return registration;
  }

  /** The delegating encoder (bcrypt) the accounts are hashed with. */
  @Bean
  PasswordEncoder passwordEncoder(AccountService accounts) {
    return accounts.encoder();
  }
}
