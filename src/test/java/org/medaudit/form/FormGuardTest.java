package org.medaudit.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medaudit.sample.ChartSampleReader;
import org.medaudit.sample.ContractPaths;

/**
 * The guard on {@code audit-forms/forms/}: every form there loads, and each kind of mistake a hospital could make
 * while editing one stops start-up with the file and the field to fix.
 */
class FormGuardTest {

    static final Path FORMS = Path.of("audit-forms/forms");
    static final Path DEFAULT_FORM = FORMS.resolve("prescribing-chart-audit.yaml");

    @TempDir
    Path folder;

    @Test
    @DisplayName("every form in audit-forms/forms is valid: unique ids, real contract paths, known vocabularies")
    void everyFormIsValid() {
        List<FormDefinition> forms = FormCatalogue.load(FORMS);

        assertThat(forms).isNotEmpty();
        assertThat(forms).extracting(FormDefinition::id).doesNotHaveDuplicates();
        for (FormDefinition form : forms) {
            assertThat(form.allFields()).allSatisfy(field -> {
                assertThat(ContractPaths.PATHS).containsKey(field.maps());
                if (field.vocabulary() != null) {
                    assertThat(Vocabularies.names()).contains(field.vocabulary());
                }
            });
            for (String required : ContractPaths.REQUIRED) {
                assertThat(form.allFields().filter(f -> f.maps().equals(required) && !f.hidden())).hasSize(1);
            }
        }
    }

    @Test
    @DisplayName("the default form asks about every path of the contract, so nothing a JSON chart can say is lost")
    void defaultFormCoversTheContract() {
        FormDefinition form = FormCatalogue.load(FORMS).stream()
                .filter(f -> f.id().equals("prescribing-chart-audit")).findFirst().orElseThrow();

        assertThat(form.allFields().map(FormField::maps)).containsExactlyInAnyOrderElementsOf(
                ContractPaths.PATHS.keySet());
        assertThat(form.rowGroups()).filteredOn(group -> group.list().equals("/orders")).singleElement()
                .satisfies(orders -> assertThat(orders.rows()).isEqualTo(6));
    }

    @Test
    @DisplayName("a hospital may hide an optional field and ask for another: the form still loads")
    void hospitalEditsLoad() throws IOException {
        write(text().replace("""
                        - label: Dose as written
                          hint: Only if it matters, for example "10u" or ".5mg".
                          type: text
                """, """
                        - label: Dose as written
                          type: text
                          hidden: true
                """).replace("""
                      - label: Allergy status
                """, """
                      - label: Allergy status
                        required: true
                """));

        FormDefinition form = FormCatalogue.load(folder).get(0);

        assertThat(form.allFields().filter(f -> f.maps().equals("/orders/*/doseText"))).singleElement()
                .satisfies(f -> assertThat(f.hidden()).isTrue());
        assertThat(form.allFields().filter(f -> f.maps().equals("/patient/allergyStatus"))).singleElement()
                .satisfies(f -> assertThat(f.required()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a broken form stops start-up naming the file, the field and the problem")
    @CsvSource(delimiter = '|', value = {
        "a path that is not in the contract | maps: /patient/egfr | maps: /patient/eGFR"
                + " | fields[3] \"eGFR (mL/min/1.73m²)\" › maps: /patient/eGFR is not a path of the chart-sample"
                + " contract",
        "an unknown vocabulary | vocabulary: routes | vocabulary: route"
                + " | › vocabulary: \"route\" is unknown",
        "a required contract field hidden | required: true\\n        maps: /ward | hidden: true\\n        maps: /ward"
                + " | \"Ward\" › hidden: /ward is required by the contract and cannot be hidden",
        "no field for the drug of orders | maps: /orders/*/drug | maps: /orders/*/drugs"
                + " | no field shows /orders/*/drug, which every chart needs",
        "a type that cannot supply the path | type: number\\n        maps: /patient/egfr"
                + " | type: date\\n        maps: /patient/egfr"
                + " | › type: /patient/egfr holds number; a date field cannot supply it",
        "a row field outside its list | maps: /monitoring/*/value | maps: /patient/weightKg"
                + " | maps: /patient/weightKg is not a field of /monitoring rows",
        "a single field mapped into a list | maps: /patient/crcl | maps: /monitoring/*/date"
                + " | is part of a repeated item: put it in the rows of /monitoring",
        "two sections with one id | - id: monitoring | - id: orders"
                + " | another section already has the id orders",
        "a misspelt setting | title: Omitted doses | titel: Omitted doses"
                + " | › titel: is not a known setting",
        "\"none\" offered for orders | label: Order\\n | label: Order\\n      none: No orders\\n"
                + " | rows › none: cannot be offered",
        "a choice without a vocabulary | type: choice\\n        vocabulary: sexes | type: choice"
                + " | › vocabulary: a choice needs the vocabulary it offers",
        "a file named for another id | id: prescribing-chart-audit | id: other-audit"
                + " | id: the file of form other-audit must be named other-audit.yaml",
    })
    void brokenFormsStopStartUp(String mistake, String find, String replace, String message) throws IOException {
        String original = text();
        String from = find.replace("\\n", "\n");
        assertThat(original).as("the mutation applies").contains(from);
        write(original.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(replace.replace("\\n", "\n"))));

        assertThatThrownBy(() -> FormCatalogue.load(folder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prescribing-chart-audit.yaml: ")
                .hasMessageContaining(message);
    }

    @Test
    @DisplayName("two forms with one id are refused")
    void idsAreUnique() throws IOException {
        write(text());
        Files.writeString(folder.resolve("prescribing-chart-audit-copy.yaml"), text());

        assertThatThrownBy(() -> FormCatalogue.load(folder))
                .hasMessageContaining("another form already has the id prescribing-chart-audit");
    }

    @Test
    @DisplayName("every path the forms may map is one the chart-sample reader accepts, with a value of its kind")
    void contractPathsMatchTheReader() {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Map.Entry<String, ContractPaths.Kind> path : ContractPaths.PATHS.entrySet()) {
            put(tree, path.getKey().replace("*", "0"), switch (path.getValue()) {
                case TEXT -> "drug-allergy";
                case NUMBER, WHOLE_NUMBER -> 1;
                case YES_NO -> true;
                case DATE -> "2026-10-01";
                case DATETIME -> "2026-10-01T10:00";
                case TEXT_LIST -> List.of("asthma");
            });
        }

        ChartSampleReader.Result read = ChartSampleReader.read(tree);

        assertThat(read.errors()).isEmpty();
        Set<String> lists = new HashSet<>(ContractPaths.ITEM_KEYS.keySet());
        assertThat(ContractPaths.PATHS.keySet().stream().map(p -> ContractPaths.listOf(p).orElse(null))
                .filter(l -> l != null).distinct()).containsExactlyInAnyOrderElementsOf(lists);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String pointer, Object value) {
        String[] segments = pointer.substring(1).split("/");
        Object node = tree;
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            boolean nextIsIndex = !last && segments[i + 1].matches("\\d+");
            if (node instanceof Map<?, ?> map) {
                Map<String, Object> object = (Map<String, Object>) map;
                node = last ? object.put(segments[i], value)
                        : object.computeIfAbsent(segments[i], k -> nextIsIndex ? new ArrayList<>()
                                : new LinkedHashMap<>());
            } else {
                List<Object> list = (List<Object>) node;
                if (list.isEmpty()) {
                    list.add(new LinkedHashMap<>());
                }
                node = list.get(0);
            }
        }
    }

    private static String text() throws IOException {
        return Files.readString(DEFAULT_FORM);
    }

    private void write(String text) throws IOException {
        Files.writeString(folder.resolve("prescribing-chart-audit.yaml"), text);
    }
}
