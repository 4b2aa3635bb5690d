package org.allot.server;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The package import graph of Allot's main code, drawn by ArchUnit from the compiled classes (docs/architecture.md,
 * "The package graph"): which {@code org.allot} package uses which, and the cycles between packages, if any.
 * {@code scripts/package-imports.sh} prints it for every module; the architecture tests check its rules.
 *
 * @param arrows each package and the packages of Allot it uses (itself left out)
 */
record PackageGraph(SortedMap<String, SortedSet<String>> arrows) {
    /** The graph of these classes' packages; arrows to packages outside {@code org.allot} are left out. */
    static PackageGraph of(JavaClasses classes) {
        SortedMap<String, SortedSet<String>> arrows = new TreeMap<>();
        for (JavaClass type : classes) {
            String from = type.getPackageName();
            SortedSet<String> to = arrows.computeIfAbsent(from, p -> new TreeSet<>());
            for (Dependency d : type.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getBaseComponentType().getPackageName();
                if (!target.equals(from) && target.startsWith("org.allot.")) {
                    to.add(target);
                }
            }
        }
        return new PackageGraph(arrows);
    }

    /** The main classes below these folders of compiled classes ({@code allot-core/target/classes}…). */
    static PackageGraph ofFolders(List<Path> folders) {
        return of(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(folders));
    }

    /**
     * The cycles: each set of two or more packages that reach each other (Tarjan's strongly connected components),
     * an empty list when the graph is a one-way stack.
     */
    List<SortedSet<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<SortedSet<String>> cycles = new ArrayList<>();
        for (String p : arrows.keySet()) {
            if (!index.containsKey(p)) {
                connect(p, index, low, stack, onStack, cycles);
            }
        }
        return cycles;
    }

    private void connect(
            String p,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<SortedSet<String>> cycles) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        onStack.add(p);
        for (String q : arrows.getOrDefault(p, new TreeSet<>())) {
            if (!index.containsKey(q)) {
                connect(q, index, low, stack, onStack, cycles);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (onStack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            SortedSet<String> component = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                onStack.remove(q);
                component.add(q);
            } while (!q.equals(p));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }

    /**
     * One line a package: {@code server.web.admin → core, core.assignment, server.http}, names shortened by their
     * {@code org.allot.} prefix.
     */
    String draw() {
        return arrows.entrySet().stream()
                        .map(e -> shorten(e.getKey()) + " → "
                                + (e.getValue().isEmpty()
                                        ? "(nothing of Allot)"
                                        : e.getValue().stream()
                                                .map(PackageGraph::shorten)
                                                .collect(Collectors.joining(", "))))
                        .collect(Collectors.joining("\n"))
                + "\ncycles: "
                + (cycles().isEmpty()
                        ? "none"
                        : cycles().stream()
                                .map(c -> c.stream().map(PackageGraph::shorten).collect(Collectors.joining(" ⇄ ")))
                                .collect(Collectors.joining("; ")));
    }

    private static String shorten(String pkg) {
        return pkg.startsWith("org.allot.") ? pkg.substring("org.allot.".length()) : pkg;
    }

    /** Prints the graph of the classes below the folders given (each module's {@code target/classes}). */
    public static void main(String[] folders) {
        List<Path> paths = new ArrayList<>();
        for (String f : folders) {
            Path p = Path.of(f);
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException(f + " is not a folder of compiled classes: build first");
            }
            paths.add(p);
        }
        System.out.println(ofFolders(paths).draw());
    }
}
