import { DEFAULT_TRAIN, type TrainConfig } from '../model/train';

export interface PipelineConfig {
  /** Seeds the simulation and the training: the same seed gives the same model file, byte for byte. */
  seed: number;
  /** Simulated users per persona (each one session). */
  usersPerPersona: number;
  /** Of those, how many per training persona go to validation (alarm thresholds) instead of training. */
  validationUsers: number;
  sessionMs: number;
  struggleRate: number;
  train: TrainConfig;
  /** The alarm thresholds are the most sensitive whose false alarms stay under this, per hour, on validation users. */
  maxFalseAlarmsPerHour: number;
}

/** The configuration of the shipped model. */
export const FULL_CONFIG: PipelineConfig = {
  seed: 20_261_124,
  usersPerPersona: 10,
  validationUsers: 2,
  sessionMs: 300_000,
  struggleRate: 0.3,
  train: DEFAULT_TRAIN,
  maxFalseAlarmsPerHour: 0.25,
};

/** A few seconds' worth, for tests of the pipeline itself (same code path, less data, fewer epochs). */
export const QUICK_CONFIG: PipelineConfig = {
  ...FULL_CONFIG,
  usersPerPersona: 2,
  validationUsers: 1,
  sessionMs: 60_000,
  train: { ...DEFAULT_TRAIN, epochs: 3 },
};
