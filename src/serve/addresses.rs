//! Where players connect: this PC's network addresses when serving the
//! network, read from its interfaces (nothing is sent), else the address
//! given.

/// This PC's IPv4 addresses on its networks (what pupils type), loopback
/// left out; read from the interfaces, nothing is sent.
pub fn lan_addresses() -> Vec<std::net::Ipv4Addr> {
    let mut found = Vec::new();
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs fills `list`, read below and freed once.
    if unsafe { libc::getifaddrs(&mut list) } != 0 {
        return found;
    }
    let mut entry = list;
    while !entry.is_null() {
        // SAFETY: `entry` is a node of the list getifaddrs returned.
        let node = unsafe { &*entry };
        if !node.ifa_addr.is_null()
            && i32::from(unsafe { (*node.ifa_addr).sa_family }) == libc::AF_INET
        {
            // SAFETY: an AF_INET address is a sockaddr_in.
            let address = unsafe { &*(node.ifa_addr as *const libc::sockaddr_in) };
            let ip = std::net::Ipv4Addr::from(u32::from_be(address.sin_addr.s_addr));
            if !ip.is_loopback() && !found.contains(&ip) {
                found.push(ip);
            }
        }
        entry = node.ifa_next;
    }
    // SAFETY: freed once, with the pointer getifaddrs gave.
    unsafe { libc::freeifaddrs(list) };
    found
}

/// What players type to connect: this PC's network addresses when serving
/// the network (loopback when it has none), else the address given.
pub fn addresses(bind: &str) -> Vec<String> {
    if bind != "0.0.0.0" {
        return vec![bind.to_owned()];
    }
    let found: Vec<String> = lan_addresses().iter().map(|ip| ip.to_string()).collect();
    if found.is_empty() {
        vec!["127.0.0.1".to_owned()]
    } else {
        found
    }
}
