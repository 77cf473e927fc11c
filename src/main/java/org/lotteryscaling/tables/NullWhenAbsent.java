package org.lotteryscaling.tables;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a component of a record that reads a table: its column was added to the table after results
 * folders were written without it, and such a folder's table reads it as null (so as NaN, -1, ""
 * or false) instead of being unavailable. A folder aggregated before a column existed still reads.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NullWhenAbsent {}
