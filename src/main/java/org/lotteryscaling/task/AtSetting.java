package org.lotteryscaling.task;

/**
 * A row of a swept experiment's table with the setting its sweep columns hold ({@link
 * Setting#NONE} in an experiment without a sweep).
 */
public record AtSetting<T>(Setting setting, T row) {}
