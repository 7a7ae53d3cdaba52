// Atomic saving: temporary file in the same folder, fsync, rename over the target, fsync the
// folder. The previous version is kept as NAME.bak. A failure leaves the old file intact.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "io/blueprint_io.h"

namespace sm::io {
namespace {

namespace fs = std::filesystem;

// [SECTION] POSIX helpers
std::string errno_text(int err) { return std::strerror(err); }

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    int release_close() {  // closes now and reports close()'s error (NFS reports late write errors here)
        int r = ::close(fd_);
        fd_ = -1;
        return r;
    }

private:
    int fd_;
};

bool write_all(int fd, std::string_view bytes, int& err) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            return false;
        }
        if (n == 0) {
            err = ENOSPC;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

void fsync_folder(const fs::path& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Keeps the current file as NAME.bak: hard link under a temporary name, renamed over the
// old backup, so there is always a complete backup. Falls back to copying.
void keep_backup(const fs::path& target) {
    const fs::path bak = fs::path(target.string() + ".bak");
    const fs::path bak_tmp = fs::path(target.string() + ".bak.tmp");
    ::unlink(bak_tmp.c_str());
    if (::link(target.c_str(), bak_tmp.c_str()) == 0) {
        if (::rename(bak_tmp.c_str(), bak.c_str()) != 0) ::unlink(bak_tmp.c_str());
        return;
    }
    std::error_code ec;
    fs::copy_file(target, bak, fs::copy_options::overwrite_existing, ec);
}

}  // namespace

// [SECTION] Atomic write
SaveResult write_file_atomic(const fs::path& path_in, std::string_view bytes, const SaveOptions& options) {
    std::error_code ec;
    fs::path path = path_in;
    // Saving through a symbolic link writes the file it points to, and keeps the link.
    if (fs::is_symlink(path, ec)) {
        fs::path resolved = fs::weakly_canonical(path, ec);
        if (!ec) path = resolved;
    }
    const std::string shown = path_in.string();
    if (fs::is_directory(path, ec)) return {false, "cannot save " + shown + ": it is a folder"};
    fs::path folder = path.parent_path();
    if (folder.empty()) folder = ".";

    std::string tmp_name = ".";  // built in steps: GCC 12 warns falsely (-Wrestrict) on "." + string
    tmp_name += path.filename().string();
    tmp_name += ".tmp-XXXXXX";
    std::string tmpl = (folder / tmp_name).string();
    int raw = ::mkstemp(tmpl.data());
    if (raw < 0) {
        int err = errno;
        return {false, "cannot save " + shown + ": cannot create a file in " + folder.string() + ": " + errno_text(err)};
    }
    Fd fd(raw);
    auto fail = [&](int err, const std::string& what) {
        ::unlink(tmpl.c_str());
        return SaveResult{false, "cannot save " + shown + ": " + what + ": " + errno_text(err) +
                                     "; the file on disk was not changed"};
    };

    // New files get rw-r--r--; an existing file keeps its permissions.
    struct stat st {};
    mode_t mode = 0644;
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists) mode = st.st_mode & 07777;
    ::fchmod(fd.get(), mode);

    int err = 0;
    if (!write_all(fd.get(), bytes, err)) return fail(err, "writing failed");
    if (::fsync(fd.get()) != 0) return fail(errno, "flushing to disk failed");
    if (fd.release_close() != 0) return fail(errno, "closing failed");

    if (exists && options.keep_backup) keep_backup(path);
    if (::rename(tmpl.c_str(), path.c_str()) != 0) return fail(errno, "replacing the file failed");
    fsync_folder(folder);
    return {};
}

}  // namespace sm::io
