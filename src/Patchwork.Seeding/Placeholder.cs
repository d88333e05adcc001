namespace Patchwork.Seeding; internal static class Placeholder;
