package com.callpulse.ingest;

/** A reusable view of a range of a char array, so a parser buffer can be read as text without a String copy. */
final class CharWindow implements CharSequence {
    private char[] chars;
    private int offset;
    private int length;

    CharWindow set(char[] chars, int offset, int length) {
        this.chars = chars;
        this.offset = offset;
        this.length = length;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, offset + start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
