package org.medaudit.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medaudit.rules.RuleBook;
import org.medaudit.rules.RuleBookCompiler;
import org.medaudit.rules.RuleInfo;
import org.medaudit.rules.RuleSources;

/** The conventions of the measure documents, and of the rules the measures depend on, enforced. */
class MeasureDocumentsTest {

    static final Path FOLDER = Path.of("audit-forms/measures");

    @Test
    @DisplayName("every measure document loads, is owned and reviewed, and says which finding statuses count")
    void everyDocumentIsComplete() {
        List<MeasureDefinition> measures = MeasureCatalogue.load(FOLDER);

        assertThat(measures).hasSize(10).allSatisfy(m -> {
            assertThat(m.owner()).isNotBlank();
            assertThat(m.dateReviewed()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(m.nextReview()).matches("\\d{4}-\\d{2}-\\d{2}").isGreaterThan(m.dateReviewed());
            assertThat(m.findingStatuses()).isNotBlank();
        });
    }

    @Test
    @DisplayName("a measure document without its finding-status statement stops start-up, naming file and field")
    void findingStatusesAreRequired(@TempDir Path folder) throws IOException {
        String document = Files.readString(FOLDER.resolve("prescribing-errors-per-100-orders.yaml"));
        Files.writeString(folder.resolve("prescribing-errors-per-100-orders.yaml"),
                document.replaceAll("(?s)findingStatuses: >.*?\\nper:", "per:"));

        assertThatThrownBy(() -> MeasureCatalogue.load(folder))
                .hasMessageContaining("prescribing-errors-per-100-orders.yaml")
                .hasMessageContaining("findingStatuses");
    }

    @Test
    @DisplayName("the HRM- rule ids are exactly the high-risk-medicines rule set, as the high-risk measure counts them")
    void highRiskMedicineRulesHaveTheirPrefix() {
        RuleBook book = RuleBookCompiler.compile(RuleSources.scan(Path.of("rules")));

        assertThat(book.rules()).filteredOn(rule -> rule.id().startsWith("HRM-"))
                .extracting(RuleInfo::ruleSet).containsOnly("high-risk-medicines");
        assertThat(book.rules()).filteredOn(rule -> rule.ruleSet().equals("high-risk-medicines"))
                .extracting(RuleInfo::id).isNotEmpty().allMatch(id -> id.startsWith("HRM-"));
    }
}
