package io.weir.runtime.serialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/** Value classes the serializer tests use, one per rule they exercise. */
public final class TestTypes {
    private TestTypes() {}

    public enum Color { RED, GREEN, BLUE }

    /** Constants with bodies are instances of anonymous subclasses of the enum. */
    public enum Op {
        ADD { @Override int apply(int a, int b) { return a + b; } },
        SUB { @Override int apply(int a, int b) { return a - b; } };

        abstract int apply(int a, int b);
    }

    public record Point(int x, int y) {}

    public record Named(String name, Color color, Long boxed, Point at) {}

    public record Bag(String id, List<String> items) {}

    public record Node(int value, Node next) {}

    public record Blob(byte[] data) {}

    public record Positive(int n) {
        public Positive {
            if (n < 0) {
                throw new IllegalArgumentException("n must not be negative: " + n);
            }
        }
    }

    /** A POJO with public fields, including fields typed by interfaces and Object. */
    public static class Person {
        public String name;
        public int age;
        public List<String> tags;
        public Address address;
        public Color color;
        public Object extra;

        public Person() {}

        public Person(String name, int age, List<String> tags, Address address, Color color, Object extra) {
            this.name = name;
            this.age = age;
            this.tags = tags;
            this.address = address;
            this.color = color;
            this.extra = extra;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Person) || o.getClass() != getClass()) return false;
            Person p = (Person) o;
            return Objects.equals(name, p.name) && age == p.age && Objects.equals(tags, p.tags)
                    && Objects.equals(address, p.address) && color == p.color && Objects.equals(extra, p.extra);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, age, tags, address, color, extra);
        }

        @Override
        public String toString() {
            return "Person(" + name + "," + age + "," + tags + "," + address + "," + color + "," + extra + ")";
        }
    }

    /** A POJO with one field of each primitive type, written without boxing. */
    public static class AllPrimitives {
        public long j;
        public int i;
        public double d;
        public float f;
        public short s;
        public byte b;
        public char c;
        public boolean z;
    }

    /** A final POJO with private fields behind getters and setters (and an is-getter for a boolean). */
    public static final class Address {
        private String street;
        private Integer number;
        private boolean verified;

        public Address() {}

        public Address(String street, Integer number, boolean verified) {
            this.street = street;
            this.number = number;
            this.verified = verified;
        }

        public String getStreet() { return street; }
        public void setStreet(String street) { this.street = street; }
        public Integer getNumber() { return number; }
        public void setNumber(Integer number) { this.number = number; }
        public boolean isVerified() { return verified; }
        public void setVerified(boolean verified) { this.verified = verified; }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Address)) return false;
            Address a = (Address) o;
            return Objects.equals(street, a.street) && Objects.equals(number, a.number) && verified == a.verified;
        }

        @Override
        public int hashCode() {
            return Objects.hash(street, number, verified);
        }

        @Override
        public String toString() {
            return "Address(" + street + "," + number + "," + verified + ")";
        }
    }

    /** A POJO whose fields are partly inherited. */
    public static class Employee extends Person {
        public double salary;
        public transient String cached = "not serialized";

        public Employee() {}
    }

    /** No no-arg constructor and final fields: not a POJO, so Kryo. */
    public static final class Money {
        private final String currency;
        private final long cents;
        private final List<String> notes = new ArrayList<>();

        public Money(String currency, long cents) {
            this.currency = currency;
            this.cents = cents;
        }

        public List<String> notes() { return notes; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money && ((Money) o).currency.equals(currency) && ((Money) o).cents == cents
                    && ((Money) o).notes.equals(notes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(currency, cents, notes);
        }
    }

    /** A private field with a getter but no setter: not a POJO. */
    public static class ReadOnly {
        private int value;

        public int getValue() { return value; }
    }

    /** A public final field: not a POJO. */
    public static class WithFinalField {
        public final int value = 1;
    }

    /** Not a POJO, and refers to itself: Kryo's reference tracking keeps cycles. */
    public static class Link {
        String label;
        Link next;

        Link(String label) {
            this.label = label;
        }
    }

    /** Not a POJO; its AtomicLong field cannot be serialized by Kryo on Java 17. */
    public static class Counter {
        private final String name;
        private final AtomicLong count;

        public Counter(String name, long count) {
            this.name = name;
            this.count = new AtomicLong(count);
        }
    }

    /** A POJO with a field whose type no serializer can write. */
    public static class Guarded {
        public String name;
        public ReentrantLock lock = new ReentrantLock();
    }

    /** A POJO with a lambda in an Object field. */
    public static class WithCallback {
        public Object callback;
    }
}
