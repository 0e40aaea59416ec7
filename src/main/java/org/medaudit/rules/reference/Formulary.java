package org.medaudit.rules.reference;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medaudit.system.YamlFiles;

/**
 * The local formulary ({@code rules/reference/formulary.yaml}): resolves a drug name as written on a chart —
 * generic, brand, synonym or combination product, in any case — to its ingredients and classes.
 */
public record Formulary(Map<String, Product> byName, Map<String, String> classesByName) {

    static Formulary load(Path file, Units units) {
        Node root = Node.root(file, YamlFiles.readMapping(file));
        Map<String, String> classes = new LinkedHashMap<>();
        root.get("classes").entries().forEach((name, node) -> {
            String cls = Names.normalise(name);
            classes.put(cls, cls);
            node.get("synonyms").names().forEach(synonym -> classes.put(synonym, cls));
        });
        Map<String, Product> byName = new HashMap<>();
        Map<String, Set<String>> substanceClasses = new HashMap<>();
        root.get("substances").entries().forEach((name, node) -> {
            String substance = Names.normalise(name);
            Set<String> its = knownClasses(node.get("classes"), classes);
            substanceClasses.put(substance, its);
            Map<String, Double> perUnit = node.has("mgPerDoseUnit")
                    ? Map.of(substance, node.get("mgPerDoseUnit").number()) : Map.of();
            Product product = new Product(substance, Set.of(substance), its, perUnit,
                    amount(node.get("prophylacticMaxDaily"), units));
            register(byName, substance, node, product);
        });
        root.get("products").entries().forEach((name, node) -> {
            String productName = Names.normalise(name);
            Set<String> ingredients = new TreeSet<>();
            Set<String> its = new TreeSet<>(knownClasses(node.get("classes"), classes));
            Map<String, Double> perUnit = new HashMap<>();
            node.get("ingredients").entries().forEach((ingredientName, ingredient) -> {
                String substance = Names.normalise(ingredientName);
                if (!substanceClasses.containsKey(substance)) {
                    throw ingredient.fail("ingredient '" + substance + "' is not listed under substances");
                }
                ingredients.add(substance);
                its.addAll(substanceClasses.get(substance));
                if (ingredient.has("mgPerDoseUnit")) {
                    perUnit.put(substance, ingredient.get("mgPerDoseUnit").number());
                }
            });
            if (ingredients.isEmpty()) {
                throw node.fail("a product needs at least one ingredient");
            }
            register(byName, productName, node, new Product(productName, Set.copyOf(ingredients), Set.copyOf(its),
                    Map.copyOf(perUnit), amount(node.get("prophylacticMaxDaily"), units)));
        });
        return new Formulary(Map.copyOf(byName), Map.copyOf(classes));
    }

    /** The product a chart's drug name stands for, or empty when the formulary does not know it. */
    public Optional<Product> resolve(String drug) {
        return Optional.ofNullable(byName.get(Names.normalise(drug)));
    }

    /** Every name the formulary resolves (generic names, brands, synonyms, products), sorted: what a form suggests. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    /** The class a name stands for ("penicillins" → "penicillin"), as allergies are often recorded by class. */
    public Optional<String> resolveClass(String name) {
        return Optional.ofNullable(classesByName.get(Names.normalise(name)));
    }

    public boolean isClass(String name) {
        return classesByName.containsValue(Names.normalise(name));
    }

    private static void register(Map<String, Product> byName, String name, Node node, Product product) {
        putOnce(byName, name, node, product);
        node.get("synonyms").names().forEach(synonym -> putOnce(byName, synonym, node, product));
    }

    private static void putOnce(Map<String, Product> byName, String name, Node node, Product product) {
        Product earlier = byName.putIfAbsent(name, product);
        if (earlier != null) {
            throw node.fail("the name '" + name + "' already stands for " + earlier.name());
        }
    }

    private static Set<String> knownClasses(Node list, Map<String, String> classes) {
        Set<String> resolved = new TreeSet<>();
        for (String cls : list.names()) {
            String known = classes.get(cls);
            if (known == null) {
                throw list.fail("class '" + cls + "' is not listed under classes");
            }
            resolved.add(known);
        }
        return Set.copyOf(resolved);
    }

    private static Amount amount(Node node, Units units) {
        if (node.value() == null) {
            return null;
        }
        String unit = node.get("unit").text();
        return units.amount(node.get("amount").number(), unit)
                .orElseThrow(() -> node.get("unit").fail("unit is not listed in units.yaml"));
    }
}
