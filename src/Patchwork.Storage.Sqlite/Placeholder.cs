namespace Patchwork.Storage.Sqlite; internal static class Placeholder;
