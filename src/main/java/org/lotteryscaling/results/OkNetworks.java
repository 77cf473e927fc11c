package org.lotteryscaling.results;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.lotteryscaling.nn.TrainStatus;

/** {@link TrainStatus#isOk}, the one rule of an ok network, applied to rows of runs by Spark. */
public final class OkNetworks {
  private OkNetworks() {}

  // A SQL null loss reaches the function as a null Double: not ok.
  private static final UserDefinedFunction IS_OK = udf((UDF2<String, Double, Boolean>)
      (status, loss) -> loss != null && TrainStatus.isOk(status, loss), DataTypes.BooleanType)
      .asNonNullable();

  /** True for a row of runs whose network is ok (columns status and train_loss). */
  public static Column column() {
    return IS_OK.apply(col("status"), col("train_loss"));
  }

  /** The rows of runs whose network is ok. */
  public static Dataset<Row> of(Dataset<Row> runs) {
    return runs.filter(column());
  }
}
