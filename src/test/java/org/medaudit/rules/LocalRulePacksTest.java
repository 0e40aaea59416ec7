package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medaudit.sample.ChartSample;
import org.medaudit.sample.ChartSampleReader;
import org.medaudit.system.YamlFiles;

/**
 * A hospital's local rule pack beside the shipped library: threshold overrides, rule sets off per site, and local
 * rule sets under the same metadata and case guards as the shipped ones. Built the way the service builds a rule
 * book (compile, then every case), from the shipped {@code rules/} and a temporary local folder.
 */
class LocalRulePacksTest {

    static final Path SHIPPED = Path.of("rules");
    static final ChartSample NAPROXEN_EGFR_47 = chart("""
            ward: AMU
            auditDate: 2026-10-14
            patient: { ageYears: 70, egfr: 47, allergyStatus: none-known }
            orders:
              - { drug: naproxen, dose: 750, unit: mg, route: oral, frequency: twice-daily, signed: true }
            """);

    /** A local rule, valid: every metadata key, and the cases below. */
    static final String LOCAL_RULE = """
            package medaudit.local.naproxen;

            import org.medaudit.rules.fact.*;

            global org.medaudit.rules.FindingCollector findings;

            // The Drugs and Therapeutics Committee caps single naproxen doses at 500 mg on its wards.
            rule "Naproxen single dose above the local 500 mg cap"
                @id("LOC-001")
                @category("prescribing-error")
                @errorType("overdose")
                @severity("significant")
                @source("Riverside D&T Committee minute 2026/41")
            when
                $order : Order( hasIngredient("naproxen"), dose != null, dose > 500, unit == "mg" )
            then
                findings.flag(kcontext, $order, "Naproxen " + $order.dose() + " mg is above the local 500 mg cap.");
            end
            """;
    static final String FIRES = """
            description: Naproxen 750 mg is above the local cap.
            chart:
              ward: CASE
              auditDate: 2026-10-14
              orders:
                - { drug: naproxen, dose: 750, unit: mg, route: oral, frequency: twice-daily, signed: true }
            mustFind: [LOC-001]
            """;
    static final String DOES_NOT_FIRE = """
            description: Naproxen 500 mg is at the local cap, not above it.
            chart:
              ward: CASE
              auditDate: 2026-10-14
              orders:
                - { drug: naproxen, dose: 500, unit: mg, route: oral, frequency: twice-daily, signed: true }
            mustNotFind: [LOC-001]
            """;

    @TempDir
    Path local;

    static RuleBook shippedOnly;

    @BeforeEach
    void buildShippedOnce() {
        if (shippedOnly == null) {
            shippedOnly = RuleBookService.build(RuleSources.scan(SHIPPED));
        }
    }

    @Test
    @DisplayName("a local threshold override changes findings and the version, and is described with it")
    void thresholdOverrideChangesFindingsAndVersion() throws IOException {
        write("thresholds.yaml", """
                renal.nsaid.egfr-below:
                  value: 50
                  source: "D&T Committee 2026/40: STOPP v2 E4"
                """);

        RuleBook overridden = build();

        assertThat(ids(shippedOnly.evaluate(NAPROXEN_EGFR_47, "RGH"))).doesNotContain("REN-001");
        assertThat(ids(overridden.evaluate(NAPROXEN_EGFR_47, "RGH"))).contains("REN-001");
        assertThat(overridden.version()).isNotEqualTo(shippedOnly.version());
        assertThat(overridden.localDescription()).contains("thresholds renal.nsaid.egfr-below 45 → 50");
        assertThat(overridden.reference().threshold("renal.nsaid.egfr-below").source())
                .contains("D&T Committee 2026/40");
        assertThat(shippedOnly.localDescription()).isNull();
    }

    @Test
    @DisplayName("an override may choose the alternative the shipped thresholds name")
    void overrideChoosesTheNamedAlternative() throws IOException {
        write("thresholds.yaml", "renal.nsaid.egfr-below: alternative\n");

        RuleBook overridden = build();

        assertThat(overridden.reference().threshold("renal.nsaid.egfr-below").value()).isEqualTo(50);
        assertThat(ids(overridden.evaluate(NAPROXEN_EGFR_47))).contains("REN-001");
    }

    @Test
    @DisplayName("an override of a threshold the shipped data does not have is refused, naming the file")
    void unknownThresholdIsRefused() throws IOException {
        write("thresholds.yaml", "renal.nsaid.egfr-belw: { value: 50, source: typo }\n");

        assertThatThrownBy(this::build).isInstanceOf(RuleBookException.class)
                .hasMessageContaining(local.getFileName() + "/thresholds.yaml: renal.nsaid.egfr-belw is not a "
                        + "threshold of rules/reference/thresholds.yaml");
    }

    @Test
    @DisplayName("a rule set switched off for one site does not fire there but does at another")
    void ruleSetOffAtOneSite() throws IOException {
        write("local-rules.yaml", """
                sites:
                  NCH:
                    disabled: [renal]
                """);
        write("thresholds.yaml", "renal.nsaid.egfr-below: alternative\n");

        RuleBook book = build();

        assertThat(ids(book.evaluate(NAPROXEN_EGFR_47, "RGH"))).contains("REN-001");
        assertThat(ids(book.evaluate(NAPROXEN_EGFR_47, "nch"))).doesNotContain("REN-001")
                .as("the other sets still run at NCH").isNotEmpty();
        assertThat(book.offAt("NCH")).containsExactly("renal");
        assertThat(book.localDescription()).contains("off at NCH [renal]");
    }

    @Test
    @DisplayName("a set off everywhere can be switched back on at one site")
    void offEverywhereOnAtOneSite() throws IOException {
        write("local-rules.yaml", """
                disabled: [renal]
                sites:
                  RGH: { enabled: [renal] }
                """);
        write("thresholds.yaml", "renal.nsaid.egfr-below: alternative\n");

        RuleBook book = build();

        assertThat(ids(book.evaluate(NAPROXEN_EGFR_47, "NCH"))).doesNotContain("REN-001");
        assertThat(ids(book.evaluate(NAPROXEN_EGFR_47, "RGH"))).contains("REN-001");
    }

    @Test
    @DisplayName("switches naming a rule set that does not exist are refused, naming the file")
    void misspeltRuleSetIsRefused() throws IOException {
        write("local-rules.yaml", "sites: { NCH: { disabled: [renall] } }\n");

        assertThatThrownBy(this::build).isInstanceOf(RuleBookException.class)
                .hasMessageContaining(local.getFileName() + "/local-rules.yaml: no rule set is called renall");
    }

    @Test
    @DisplayName("a local rule set with its cases joins the rule book, and can be switched off per site too")
    void localRuleSetJoins() throws IOException {
        write("naproxen/naproxen.drl", LOCAL_RULE);
        write("naproxen/cases/above-cap.yaml", FIRES);
        write("naproxen/cases/at-cap.yaml", DOES_NOT_FIRE);
        write("local-rules.yaml", "sites: { NCH: { disabled: [naproxen] } }\n");

        RuleBook book = build();

        assertThat(book.rules()).anySatisfy(rule -> assertThat(rule.id()).isEqualTo("LOC-001"));
        assertThat(ids(book.evaluate(NAPROXEN_EGFR_47, "RGH"))).contains("LOC-001");
        assertThat(ids(book.evaluate(NAPROXEN_EGFR_47, "NCH"))).doesNotContain("LOC-001");
        assertThat(book.localDescription()).contains("local rule sets [naproxen]");
        assertThat(book.version()).isNotEqualTo(shippedOnly.version());
    }

    @Test
    @DisplayName("a local rule without @source is refused with a message naming its file")
    void localRuleWithoutSourceIsRefused() throws IOException {
        write("naproxen/naproxen.drl", LOCAL_RULE.replace("    @source(\"Riverside D&T Committee minute 2026/41\")\n",
                ""));
        write("naproxen/cases/above-cap.yaml", FIRES);
        write("naproxen/cases/at-cap.yaml", DOES_NOT_FIRE);

        assertThatThrownBy(this::build).isInstanceOf(RuleBookException.class)
                .hasMessageContaining(local.getFileName() + "/naproxen/naproxen.drl: rule set naproxen, rule "
                        + "\"Naproxen single dose above the local 500 mg cap\": missing metadata @source");
    }

    @Test
    @DisplayName("a local rule without cases is refused with a message naming its file")
    void localRuleWithoutCasesIsRefused() throws IOException {
        write("naproxen/naproxen.drl", LOCAL_RULE);

        assertThatThrownBy(this::build).isInstanceOf(RuleBookException.class)
                .hasMessageContaining(local.getFileName() + "/naproxen/naproxen.drl: rule LOC-001")
                .hasMessageContaining("one where it fires (mustFind) and one where it must not (mustNotFind)");
    }

    @Test
    @DisplayName("a local rule whose case fails is refused, naming the case")
    void localRuleWithFailingCaseIsRefused() throws IOException {
        write("naproxen/naproxen.drl", LOCAL_RULE);
        write("naproxen/cases/above-cap.yaml", FIRES);
        write("naproxen/cases/at-cap.yaml", DOES_NOT_FIRE.replace("dose: 500", "dose: 501"));

        assertThatThrownBy(this::build).isInstanceOf(RuleBookException.class)
                .hasMessageContaining("case naproxen/cases/at-cap.yaml")
                .hasMessageContaining("[LOC-001] fired but must not");
    }

    @Test
    @DisplayName("a local rule set may not take a shipped set's name")
    void localSetCannotShadowAShippedOne() throws IOException {
        write("renal/naproxen.drl", LOCAL_RULE);

        assertThatThrownBy(this::build).isInstanceOf(RuleBookException.class)
                .hasMessageContaining(local.getFileName() + "/renal: a local rule set cannot take the name of a "
                        + "shipped rule set");
    }

    private RuleBook build() {
        return RuleBookService.build(RuleSources.scan(SHIPPED, local));
    }

    private void write(String name, String text) throws IOException {
        Path file = local.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> ids(List<RuleFinding> findings) {
        return findings.stream().map(RuleFinding::ruleId).toList();
    }

    static ChartSample chart(String yaml) {
        ChartSampleReader.Result read = ChartSampleReader.read(YamlFiles.parse(yaml));
        assertThat(read.errors()).isEmpty();
        return read.sample();
    }
}
