namespace Tenon.Settings;

/// <summary>How a configuration parameter's value is read and printed.</summary>
internal enum SettingKind { Boolean, Integer, Real, Enum, String }
