package dev.tether.cli;

import dev.tether.detect.Provider;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --provider ID}: the ids of docs/cli.md, completed in shells and checked while parsing (an unknown id is exit 2). */
final class ProviderOption {
    private ProviderOption() {
    }

    /** Turns an id into a {@link Provider}, or fails parsing with the list of ids. */
    static final class Converter implements ITypeConverter<Provider> {
        @Override
        public Provider convert(String id) {
            return Provider.byId(id).orElseThrow(() -> new TypeConversionException(
                    "unknown provider '" + id + "'; known: " + String.join(", ", Provider.ids())));
        }
    }

    /** The ids, for help and completion. */
    static final class Ids implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Provider.ids().iterator();
        }
    }
}
