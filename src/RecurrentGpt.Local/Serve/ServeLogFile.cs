using System.Globalization;
using System.Text;

namespace RecurrentGpt.Local.Serve;

/// <summary>
/// rgpt serve's log on disk: one file a day (<c>serve-YYYYMMDD.log</c>, local date) under the data folder's <c>logs</c>.
/// Bounded: a day's file that reaches <see cref="MaxFileBytes"/> moves to <c>serve-YYYYMMDD.1.log</c> (replacing an older
/// one) and starts again, and files of more than <see cref="KeptDays"/> days ago are deleted, so a flood of failures
/// can fill at most 2 × MaxFileBytes × (KeptDays + 1).
/// </summary>
internal sealed class ServeLogFile(string folder, TimeProvider time, long maxFileBytes = ServeLogFile.DefaultMaxFileBytes) : IDisposable
{
    public const long DefaultMaxFileBytes = 4 * 1024 * 1024;
    public const int KeptDays = 7;

    private const string Prefix = "serve-";
    private readonly Lock _gate = new();
    private FileStream? _file;
    private DateOnly _day;

    public string Folder { get; } = folder;

    public long MaxFileBytes { get; } = maxFileBytes;

    /// <summary>The file a day's lines go to.</summary>
    public string PathFor(DateOnly day) => Path.Combine(Folder, $"{Prefix}{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.log");

    /// <summary>Appends whole lines; the caller handles a failure (a full disk must not fail a request).</summary>
    public void Append(string lines)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(lines.EndsWith('\n') ? lines : lines + "\n");
        lock (_gate)
        {
            DateOnly today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            if (_file is null || today != _day)
            {
                Open(today);
            }
            else if (_file.Length > 0 && _file.Length + bytes.Length > MaxFileBytes)
            {
                _file.Dispose();
                _file = null;
                File.Move(PathFor(today), RotatedPath(today), overwrite: true);
                Open(today);
            }

            _file!.Write(bytes);
            _file.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private string RotatedPath(DateOnly day) => Path.ChangeExtension(PathFor(day), ".1.log");

    private void Open(DateOnly day)
    {
        _file?.Dispose();
        Directory.CreateDirectory(Folder);
        _file = new FileStream(PathFor(day), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _day = day;
        DeleteBefore(day.AddDays(-KeptDays));
    }

    private void DeleteBefore(DateOnly oldestKept)
    {
        foreach (string path in Directory.EnumerateFiles(Folder, Prefix + "*.log"))
        {
            string name = Path.GetFileName(path);
            if (name.Length >= Prefix.Length + 8
                && DateOnly.TryParseExact(name.AsSpan(Prefix.Length, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
                && day < oldestKept)
            {
                File.Delete(path);
            }
        }
    }
}
