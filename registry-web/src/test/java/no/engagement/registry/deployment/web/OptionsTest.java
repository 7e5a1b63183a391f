package no.engagement.registry.deployment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.engagement.registry.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The escaped option lists: kept per language, and escaped anew when the list is reloaded. */
class OptionsTest {

  private final Options options = new Options(c -> c.name() + " (" + c.code() + ")");

  @Test
  void escapesMarksTheSelectedAndKeepsTheLanguagesApart() {
    var en = List.of(new ReferenceData("CIV", "Côte d'Ivoire"), new ReferenceData("NOR", "Norway"));
    var nb =
        List.of(new ReferenceData("CIV", "Elfenbenskysten"), new ReferenceData("NOR", "Norge"));
    assertThat(options.html("en", en, Set.of("NOR")))
        .isEqualTo(
            "<option value=\"CIV\">Côte d&#39;Ivoire (CIV)</option>\n"
                + "<option value=\"NOR\" selected>Norway (NOR)</option>\n");
    assertThat(options.html("nb", nb, Set.of()))
        .isEqualTo(
            "<option value=\"CIV\">Elfenbenskysten (CIV)</option>\n"
                + "<option value=\"NOR\">Norge (NOR)</option>\n");
    assertThat(options.html("en", en, Set.of("CIV"))).contains("value=\"CIV\" selected>Côte");
  }

  @Test
  void aReloadedListIsEscapedAnew() {
    var before = List.of(new ReferenceData("NOR", "Norway"));
    assertThat(options.html("en", before, Set.of())).contains("Norway (NOR)");
    var after =
        List.of(new ReferenceData("NOR", "Norway"), new ReferenceData("SSD", "<South Sudan>"));
    assertThat(options.html("en", after, Set.of()))
        .endsWith("<option value=\"SSD\">&lt;South Sudan&gt; (SSD)</option>\n");
  }

  @Test
  void aFilterOffersItsUsualListUnlessTheViewChoseACodeOutsideIt() {
    var some = List.of(new ReferenceData("NOR", "Norway"));
    var every = List.of(new ReferenceData("FIN", "Finland"), new ReferenceData("NOR", "Norway"));
    assertThat(options.html("en", some, () -> every, List.of("NOR")))
        .isEqualTo("<option value=\"NOR\" selected>Norway (NOR)</option>\n");
    assertThat(options.html("en", some, () -> every, List.of("FIN")))
        .isEqualTo(
            "<option value=\"FIN\" selected>Finland (FIN)</option>\n"
                + "<option value=\"NOR\">Norway (NOR)</option>\n");
  }

  @Test
  void wordsAreShownAsTheirMessagesAndTheSelectedIsMarked() {
    var messages = new StaticMessageSource();
    messages.addMessage("sort.key", Locale.ENGLISH, "by name");
    messages.addMessage("sort.-total", Locale.ENGLISH, "by total, <largest> first");
    var texts = new Rows.Texts(messages, Locale.ENGLISH);
    assertThat(Options.words("sort.", List.of("key", "-total"), "-total", texts))
        .isEqualTo(
            "<option value=\"key\">by name</option>\n"
                + "<option value=\"-total\" selected>by total, &lt;largest&gt; first</option>\n");
    assertThat(Options.words("sort.", List.of("key", "-total"), "none", texts))
        .doesNotContain("selected");
  }
}
