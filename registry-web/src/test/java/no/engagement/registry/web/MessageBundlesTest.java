package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text exists in both languages. */
class MessageBundlesTest {

  @Test
  void bokmalAndEnglishHaveTheSameKeys() throws Exception {
    assertThat(load("messages_nb.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    assertThat(load("no/engagement/registry/imports/messages_nb.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(
            load("no/engagement/registry/imports/messages.properties").stringPropertyNames());
  }

  private static Properties load(String name) throws Exception {
    var p = new Properties();
    try (var in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
