package org.lotteryscaling.tables;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The meaning of one column of a result table, on the component of the table's row record that
 * holds it. The column's name is the component's name in snake_case ({@code trainLoss} ->
 * {@code train_loss}); its type follows from the component's Java type ({@link TableColumn}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
  String value();
}
