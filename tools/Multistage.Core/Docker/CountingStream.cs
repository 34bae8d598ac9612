namespace Multistage.Core.Docker;

/// <summary>A write-only stream that only counts the bytes written to it.</summary>
internal sealed class CountingStream : Stream
{
    private long count;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => count;
    public override long Position { get => count; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => this.count += count;
    public override void Write(ReadOnlySpan<byte> buffer) => count += buffer.Length;
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        this.count += count;
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        count += buffer.Length;
        return ValueTask.CompletedTask;
    }

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
