package dev.telephony.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which owned numbers to list, and how many per page.
 *
 * <pre>{@code
 * ListQuery.builder().nameContains("support").pageSize(100).build()
 * }</pre>
 */
public final class ListQuery {
    /** The page size when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page size. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final ListQuery ALL = new Builder().build();

    private final String nameContains;
    private final String numberContains;
    private final int pageSize;

    private ListQuery(Builder b) {
        this.nameContains = b.nameContains;
        this.numberContains = b.numberContains;
        this.pageSize = Fields.requireRange("list.pageSize", b.pageSize, 1, MAX_PAGE_SIZE);
    }

    /** Every number, {@value #DEFAULT_PAGE_SIZE} per page. */
    public static ListQuery all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Only numbers whose name contains this text (ignoring case). */
    public Optional<String> nameContains() {
        return Optional.ofNullable(nameContains);
    }

    /** Only numbers whose digits contain these digits. */
    public Optional<String> numberContains() {
        return Optional.ofNullable(numberContains);
    }

    public int pageSize() {
        return pageSize;
    }

    /** The capabilities a provider needs to apply this query. */
    public Set<Capability> requiredCapabilities() {
        Set<Capability> needed = EnumSet.of(Capability.LIST);
        if (nameContains != null) {
            needed.add(Capability.NAMES);
        }
        return Set.copyOf(needed);
    }

    /** Whether {@code number} passes this query's filters. */
    public boolean matches(OwnedNumber number) {
        Fields.requireNonNull("number", number);
        return (nameContains == null || number.name()
                .map(n -> n.toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT))).orElse(false))
                && (numberContains == null || number.number().digits().contains(numberContains));
    }

    @Override
    public String toString() {
        return "ListQuery[pageSize=" + pageSize + nameContains().map(v -> ", nameContains=" + v).orElse("")
                + numberContains().map(v -> ", numberContains=" + v).orElse("") + "]";
    }

    /** Builds a {@link ListQuery}. */
    public static final class Builder {
        private String nameContains;
        private String numberContains;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        public Builder nameContains(String text) {
            this.nameContains = Fields.requireMaxLength("list.nameContains", text, 64);
            return this;
        }

        public Builder numberContains(String digits) {
            this.numberContains = Fields.requireDigits("list.numberContains", digits, 1, 15);
            return this;
        }

        /** 1 to {@value ListQuery#MAX_PAGE_SIZE}; {@value ListQuery#DEFAULT_PAGE_SIZE} when not given. */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public ListQuery build() {
            return new ListQuery(this);
        }
    }
}
