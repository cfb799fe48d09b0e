document.getElementById('main').textContent = 'PeerRooms app';
