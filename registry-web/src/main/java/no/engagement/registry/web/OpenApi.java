package no.engagement.registry.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /openapi.json}: what springdoc reads from the JSON routes, plus
 * what every one of them shares, declared once here: the parameters {@code lang} and {@code
 * release}, and the answers 400 (naming the parameter), 404 (an unknown code or release) and 429
 * (too many requests, with {@code Retry-After}), each an RFC 9457 problem.
 */
@Configuration(proxyBeanMethods = false)
class OpenApi {

  private static final String PROBLEM = "#/components/schemas/Problem";

  @Bean
  OpenAPI registryOpenApi() {
    var problem =
        new ObjectSchema()
            .addProperty("status", new IntegerSchema())
            .addProperty("title", new StringSchema())
            .addProperty("detail", new StringSchema().description("what is wrong, in words"))
            .addProperty(
                "parameter", new StringSchema().description("the query parameter at fault"))
            .required(List.of("status", "title"));
    return new OpenAPI()
        .info(
            new Info()
                .title("Engagement Registry")
                .version("1")
                .description(
                    "Every screen of the registry as JSON at its address with .json after the"
                        + " path, with the same filters and numbers. Totals count each person"
                        + " once and carry their basis, months and quality flags. Add"
                        + " release={version} to read a published release (immutable), lang=nb|en"
                        + " for names in bokmål or English. Responses carry an ETag; a GET with"
                        + " If-None-Match gets 304 when nothing changed.")
                .license(new License().name("CC BY 4.0").identifier("CC-BY-4.0")))
        .components(new Components().addSchemas("Problem", problem));
  }

  /**
   * Every property of a response schema is present in every response: the bodies are records, which
   * write each of their fields, a field without a value as null.
   */
  @Bean
  org.springdoc.core.customizers.OpenApiCustomizer everyFieldPresent() {
    return api ->
        api.getComponents()
            .getSchemas()
            .values()
            .forEach(
                schema -> {
                  if (schema.getProperties() != null && schema.getRequired() == null) {
                    schema.setRequired(new java.util.ArrayList<>(schema.getProperties().keySet()));
                  }
                });
  }

  /**
   * Schemas are named by their class, a nested record by its outer class too ("MissionDetail
   * Statement" and "CountryDetail Statement" are two schemas, not one overwriting the other),
   * unless {@code @Schema(name)} names it.
   */
  @Bean
  io.swagger.v3.core.jackson.ModelResolver schemaNamesWithTheirOuterClass() {
    return new io.swagger.v3.core.jackson.ModelResolver(
        io.swagger.v3.core.util.Json31.mapper(),
        new io.swagger.v3.core.jackson.TypeNameResolver() {
          @Override
          protected String getNameOfClass(Class<?> type) {
            var outer = type.getEnclosingClass();
            return outer == null
                ? type.getSimpleName()
                : outer.getSimpleName() + type.getSimpleName();
          }
        });
  }

  @Bean
  OperationCustomizer sharedParametersAndErrors() {
    return (operation, handler) -> {
      operation.addParametersItem(
          new Parameter()
              .in("query")
              .name("lang")
              .description("the language of names: nb (bokmål) or en")
              .schema(new StringSchema()._enum(List.of("nb", "en"))));
      operation.addParametersItem(
          new Parameter()
              .in("query")
              .name("release")
              .description("a published release's version: the data as it was in that release")
              .schema(new StringSchema()));
      var responses = operation.getResponses();
      responses.addApiResponse("400", problem("a parameter is malformed or not allowed"));
      responses.addApiResponse("404", problem("an unknown code, page or release"));
      responses.addApiResponse(
          "429",
          problem("too many requests from one address")
              .addHeaderObject(
                  "Retry-After",
                  new Header().description("seconds to wait").schema(new IntegerSchema())));
      return operation;
    };
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType().schema(new ObjectSchema().$ref(PROBLEM))));
  }
}
