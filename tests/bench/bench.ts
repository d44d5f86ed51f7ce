console.log('bench: placeholder replaced below');
