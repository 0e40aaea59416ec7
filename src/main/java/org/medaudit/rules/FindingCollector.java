package org.medaudit.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import org.medaudit.rules.fact.Omission;
import org.medaudit.rules.fact.Order;
import org.medaudit.rules.fact.PreAdmission;

/**
 * The {@code findings} global of every rule file: a rule's consequence says {@code findings.flag(kcontext, $order,
 * "message")} and the collector adds the rule's metadata, so rule files carry no bookkeeping.
 *
 * <p>One collector serves one chart evaluation; it is not shared between threads.
 */
public final class FindingCollector {

    private final Map<Key, RuleFinding> findings = new LinkedHashMap<>();

    /**
     * Records a finding of the firing rule about an order, a pre-admission medicine, an omitted dose, a drug name,
     * or (anything else) the chart as a whole. The same rule about the same thing is recorded once.
     */
    public void flag(RuleContext context, Object about, String message) {
        Rule rule = context.getRule();
        String drug = null;
        Integer orderIndex = null;
        if (about instanceof Order order) {
            drug = order.drug();
            orderIndex = order.index();
        } else if (about instanceof PreAdmission medicine) {
            drug = medicine.drug();
        } else if (about instanceof Omission omission) {
            drug = omission.drug();
        } else if (about instanceof String drugName) {
            drug = drugName;
        }
        Map<String, Object> meta = rule.getMetaData();
        Key key = new Key(meta.get("id"), drug, orderIndex, about.getClass());
        if (!findings.containsKey(key)) {
            findings.put(key, new RuleFinding(String.valueOf(meta.get("id")), rule.getName(),
                    String.valueOf(meta.get("category")), String.valueOf(meta.get("errorType")),
                    String.valueOf(meta.get("severity")), String.valueOf(meta.get("source")), message, drug,
                    orderIndex));
        }
    }

    /** What makes a finding the same one again: rule, drug, order and the kind of thing it is about. */
    private record Key(Object ruleId, String drug, Integer orderIndex, Class<?> about) {
    }

    /** The findings, most severe first, then by order and rule, so that the same chart always reads the same. */
    public List<RuleFinding> findings() {
        List<RuleFinding> sorted = new ArrayList<>(findings.values());
        sorted.sort(Comparator.comparingInt((RuleFinding f) -> -Taxonomy.severityRank(f.severity()))
                .thenComparing(f -> f.orderIndex() == null ? -1 : f.orderIndex())
                .thenComparing(RuleFinding::ruleId)
                .thenComparing(f -> f.drug() == null ? "" : f.drug()));
        return sorted;
    }
}
